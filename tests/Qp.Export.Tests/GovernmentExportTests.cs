using System.Text;
using System.Text.Json;
using Qp.Domain.Results;
using Qp.Store;
using static Qp.Export.Tests.ExportFixture;

namespace Qp.Export.Tests;

public sealed class GovernmentExportTests : IDisposable
{
    private readonly ExportFixture f = new();

    public GovernmentExportTests()
    {
        // Hand-made stored results for 2001 (and one 2000 row that must not appear).
        f.Store(
        [
            Result("A1", 202, 2001, 9, 50, 18.0) with { Ci95Lower = 9.77, Ci95Upper = 30.81, Rank = 3, RankOf = 3, QuartileBand = "D", VsEngland = VsEngland.Worse, TargetValue = 16, TargetStatus = TargetStatus.NotMet },
            Result("B7", 202, 2001, null, null, null),
            Result("A1", 805, 2001, 12, 97, 100.0 * 12 / 97) with { Ci95Lower = 7.22, Ci95Upper = 20.38, Rank = 1, RankOf = 3, QuartileBand = "A", VsEngland = VsEngland.Better, TargetValue = 16, TargetStatus = TargetStatus.Met },
            Result("B7", 805, 2001, 60, 80, 75.0) with { Ci95Lower = 64.45, Ci95Upper = 83.15, Rank = 1, RankOf = 1 },
            Result("A1", 806, 2001, 7, 40, 17.5) with { Ci95Lower = 8.75, Ci95Upper = 32.04, Rank = 2, RankOf = 3, QuartileBand = "B", VsEngland = VsEngland.Similar, TargetValue = 16, TargetStatus = TargetStatus.NotMet },
            Result("A1", 805, 2000, 20, 100, 20.0),
        ],
        [
            new NationalResult { Indicator = "A1", Year = 2001, Numerator = 28, Denominator = 187, Value = 100.0 * 28 / 187 },
            new NationalResult { Indicator = "B7", Year = 2001, Numerator = 60, Denominator = 80, Value = 75.0 },
        ]);
    }

    public void Dispose() => f.Dispose();

    private ExportResult Export(string name, ExportFormat format = ExportFormat.Csv, bool publish = false, int? la = null) =>
        Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_(name), format, publish, la, [f.Db]), DateTimeOffset.UtcNow);

    [Fact]
    public void Csv_export_is_exactly_the_stored_results_rounded_to_one_place()
    {
        var result = Export("out.csv");

        // Ordered by authority, then catalogue order. 100·12/97 = 12.371… → 12.4; 8.75 → 8.8 (half away from zero);
        // England A1 = 100·28/187 = 14.97… → 15.0; whole numbers keep one place (18 → 18.0, target 16 → 16.0).
        var expected =
            "la_code,la_name,year,indicator,numerator,denominator,value,ci95_lower,ci95_upper,england_value,vs_england,rank,quartile_band,target,target_status\r\n" +
            "202,Camden,2001,A1,9,50,18.0,9.8,30.8,15.0,Worse,3,D,16.0,Not met\r\n" +
            "202,Camden,2001,B7,,,,,,75.0,,,,,\r\n" +
            "805,Hartlepool,2001,A1,12,97,12.4,7.2,20.4,15.0,Better,1,A,16.0,Met\r\n" +
            "805,Hartlepool,2001,B7,60,80,75.0,64.5,83.2,75.0,,1,,,\r\n" +
            "806,Middlesbrough,2001,A1,7,40,17.5,8.8,32.0,15.0,Similar,2,B,16.0,Not met\r\n";
        var bytes = File.ReadAllBytes(result.OutPath);
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 without a byte order mark");
        Encoding.UTF8.GetString(bytes).Should().Be(expected);
        result.Rows.Should().Be(5);
    }

    [Fact]
    public void Every_csv_row_matches_its_stored_result()
    {
        var rows = PlainCsv.Read(Export("out.csv").OutPath);
        var stored = ResultsStore.ForYear(f.Conn, 2001);
        rows.Should().HaveCount(stored.Count);
        foreach (var r in stored)
        {
            var row = rows.Single(x => x["la_code"] == r.LaCode.ToString() && x["indicator"] == r.Indicator);
            row["year"].Should().Be("2001");
            row["numerator"].Should().Be(r.Numerator?.ToString() ?? "");
            row["denominator"].Should().Be(r.Denominator?.ToString() ?? "");
            Parse(row["value"]).Should().Be(Nearest(r.Value));
            Parse(row["ci95_lower"]).Should().Be(Nearest(r.Ci95Lower));
            Parse(row["ci95_upper"]).Should().Be(Nearest(r.Ci95Upper));
            row["rank"].Should().Be(r.Rank?.ToString() ?? "");
            row["quartile_band"].Should().Be(r.QuartileBand ?? "");
        }
    }

    [Fact]
    public void Json_export_has_the_same_rows_with_numbers_as_numbers_and_missing_as_null()
    {
        var result = Export("out.json", ExportFormat.Json);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(result.OutPath));
        var rows = doc.RootElement.EnumerateArray().ToList();
        rows.Should().HaveCount(5);
        foreach (var row in rows)
            row.EnumerateObject().Select(p => p.Name).Should().Equal(GovernmentRows.Columns);

        var hartlepoolA1 = rows[2];
        hartlepoolA1.GetProperty("la_code").GetInt32().Should().Be(805);
        hartlepoolA1.GetProperty("la_name").GetString().Should().Be("Hartlepool");
        hartlepoolA1.GetProperty("numerator").GetInt32().Should().Be(12);
        hartlepoolA1.GetProperty("value").GetRawText().Should().Be("12.4");
        hartlepoolA1.GetProperty("england_value").GetRawText().Should().Be("15.0");
        hartlepoolA1.GetProperty("target_status").GetString().Should().Be("Met");

        var camdenB7 = rows[1];
        camdenB7.GetProperty("numerator").ValueKind.Should().Be(JsonValueKind.Null);
        camdenB7.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        camdenB7.GetProperty("vs_england").ValueKind.Should().Be(JsonValueKind.Null);
        camdenB7.GetProperty("england_value").GetRawText().Should().Be("75.0");
    }

    [Fact]
    public void La_filter_exports_only_that_authority_unsuppressed()
    {
        var rows = PlainCsv.Read(Export("805.csv", la: 805).OutPath);
        rows.Select(r => r["la_code"]).Should().Equal("805", "805");
        rows.Select(r => r["numerator"]).Should().Equal("12", "60");
    }

    [Fact]
    public void Unknown_year_or_authority_is_refused_and_writes_nothing()
    {
        var act = () => Exporter.Run(f.Conn, Catalogue, new ExportRequest(1990, f.Path_("x.csv"), ExportFormat.Csv, false, null, []), DateTimeOffset.UtcNow);
        act.Should().Throw<ExportRefusedException>().WithMessage("*1990*2000, 2001*");
        var act2 = () => Export("y.csv", la: 999);
        act2.Should().Throw<ExportRefusedException>().WithMessage("*999*");
        File.Exists(f.Path_("x.csv")).Should().BeFalse();
        File.Exists(f.Path_("y.csv")).Should().BeFalse();
    }

    [Fact]
    public void Refuses_to_write_over_an_input()
    {
        var before = File.ReadAllBytes(f.Db);
        var act = () => Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Db, ExportFormat.Csv, false, null, [f.Db]), DateTimeOffset.UtcNow);
        act.Should().Throw<ExportRefusedException>().WithMessage("*input*");
        File.ReadAllBytes(f.Db).Should().Equal(before);
    }

    private static decimal? Parse(string s) => s.Length == 0 ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // The reference rounding, independent of ExportNumber: nearest tenth, halves away from zero, on the decimal the double stands for.
    private static decimal? Nearest(double? v) => v is { } d ? Math.Round(decimal.Parse(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero) : null;
}
