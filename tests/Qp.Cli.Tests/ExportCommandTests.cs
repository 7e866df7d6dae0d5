using System.Security.Cryptography;
using System.Text.Json;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDir dir = new();
    private string Db => dir.File("qp.db");

    public ExportCommandTests()
    {
        // A store with the shipped authorities (153) and hand-made results for Hartlepool (805) and Middlesbrough (806).
        using var conn = QpDatabase.Open(Db);
        Templates.EnsureAuthorities(conn);
        static IndicatorResult R(int la, int num, int den) => new()
        {
            Indicator = "A1", LaCode = la, Year = 2001, Source = ResultSource.ChildLevel,
            Numerator = num, Denominator = den, Value = 100.0 * num / den,
        };
        ResultsStore.ReplaceAll(conn, [R(805, 12, 97), R(806, 3, 40)],
            [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 15, Denominator = 137, Value = 100.0 * 15 / 137 }]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    [Fact]
    public void Exports_csv_with_a_manifest()
    {
        var out_ = dir.File("a1.csv");
        var run = QpRunner.Run("export", "--db", Db, "--year", "2001", "--out", out_);
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("wrote 2 rows");
        var lines = File.ReadAllLines(out_);
        lines[0].Should().Be("la_code,la_name,year,indicator,numerator,denominator,value,ci95_lower,ci95_upper,england_value,vs_england,rank,quartile_band,target,target_status");
        // 100·12/97 = 12.37 → 12.4; England 100·15/137 = 10.95 → 10.9 (not a half: 10.948…).
        lines[1].Should().Be("805,Hartlepool,2001,A1,12,97,12.4,,,10.9,,,,,");
        lines[2].Should().Be("806,Middlesbrough,2001,A1,3,40,7.5,,,10.9,,,,,");
        using var manifest = JsonDocument.Parse(File.ReadAllText(out_ + ".manifest.json"));
        manifest.RootElement.GetProperty("files")[0].GetProperty("sha256").GetString()
            .Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(out_))));
    }

    [Fact]
    public void Publish_suppresses_and_la_filters()
    {
        var published = dir.File("pub.csv");
        QpRunner.Run("export", "--db", Db, "--year", "2001", "--out", published, "--format", "ees", "--publish").ExitCode.Should().Be(0);
        var rows = File.ReadAllLines(published);
        // National 15 → 20 and 137 → 140, its percentage from the rounded counts (100·20/140 = 14.3; the true 10.9 would give the
        // total away beside the published denominators); the North East region is the same two authorities; Middlesbrough's 3 is 'c'.
        rows.Should().Contain("2001,Reporting year,National,E92000001,England,,,,,,A1,20,140,14.3");
        rows.Should().Contain("2001,Reporting year,Regional,E92000001,England,E12000001,North East,,,,A1,20,140,14.3");
        rows.Should().Contain("2001,Reporting year,Local authority,E92000001,England,E12000001,North East,806,E06000002,Middlesbrough,A1,c,40,c");

        var own = dir.File("806.json");
        QpRunner.Run("export", "--db", Db, "--year", "2001", "--out", own, "--format", "json", "--la", "806").ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(own));
        doc.RootElement.GetArrayLength().Should().Be(1);
        doc.RootElement[0].GetProperty("numerator").GetInt32().Should().Be(3, "an authority's own return is never suppressed");
    }

    [Theory]
    [InlineData("--year", "1990")]                 // no results for the year
    [InlineData("--la", "999")]                    // no such authority
    [InlineData("--la", "202")]                    // an authority with no results
    [InlineData("--format", "xml")]                // unknown format
    public void Bad_requests_are_usage_errors_and_write_nothing(string option, string value)
    {
        var args = new List<string> { "export", "--db", Db, "--year", "2001", "--out", dir.File("x.csv") };
        int i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value; else args.AddRange([option, value]);
        var run = QpRunner.Run([.. args]);
        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("qp: ").And.Contain(value);
        run.Error.Should().NotContain("   at ");
        File.Exists(dir.File("x.csv")).Should().BeFalse();
    }

    [Fact]
    public void Refuses_to_overwrite_the_store()
    {
        var before = File.ReadAllBytes(Db);
        var run = QpRunner.Run("export", "--db", Db, "--year", "2001", "--out", Db);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("would overwrite the input");
        File.ReadAllBytes(Db).Should().Equal(before);
    }

    [Fact]
    public void A_missing_store_is_a_usage_error_and_is_not_created()
    {
        var missing = dir.File("none.db");
        var run = QpRunner.Run("export", "--db", missing, "--year", "2001", "--out", dir.File("x.csv"));
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no store");
        File.Exists(missing).Should().BeFalse();
    }

    [Fact]
    public void Has_help() =>
        QpRunner.Run("export", "--help").Out.Should().Contain("--year").And.Contain("--publish").And.Contain("--format");
}
