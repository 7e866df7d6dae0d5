using Dapper;
using Qp.Domain.Authorities;
using Qp.Pipeline.Importing;
using Qp.Pipeline.Returns;
using Qp.Pipeline.Validating;
using Qp.Store;

namespace Qp.Pipeline.Tests;

/// <summary>The annual return's steps called from code, with no command line: what the web edition and the central store do.</summary>
public sealed class PipelineTests : IDisposable
{
    private static readonly Authority[] Authorities =
    [
        new(805, "E06000001", "Hartlepool", "North East", "Unitary authority"),
        new(806, "E06000002", "Middlesbrough", "North East", "Unitary authority"),
    ];

    private readonly string dir = Directory.CreateTempSubdirectory("qp-pipeline-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Db => Path.Combine(dir, "qp.db");

    // Two children of 805 in 2000-01: C1 looked after from 10/01/1999 to 01/06/2000 (returned home), C2 from 01/06/2000 (still looked after).
    private string Return(string name, string c2Decom = "01/06/2000")
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, "returns", name)).FullName;
        File.WriteAllText(Path.Combine(folder, "Header.csv"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/05/1990,WBRI,,,\nC2,2,03/04/1991,WBRI,,,\n");
        File.WriteAllText(Path.Combine(folder, "Episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
            "C1,10/01/1999,S,C2,N1,U4,PR1,01/06/2000,E41,,TS24 8,TS25 1,\n" +
            $"C2,{c2Decom},S,C2,N1,U5,PR1,,,,TS24 8,TS26 9,\n");
        return folder;
    }

    private SqliteConnectionScope Store()
    {
        var conn = QpDatabase.Open(Db);
        AuthorityStore.ReplaceAuthorities(conn, Authorities);
        return new SqliteConnectionScope(conn);
    }

    private sealed record SqliteConnectionScope(Microsoft.Data.Sqlite.SqliteConnection Conn) : IDisposable
    {
        public void Dispose() => Conn.Dispose();
    }

    private static ImportRequest Request(params string[] paths) => new(paths, null, null, false, () => throw new InvalidOperationException("no reference file here"));

    [Fact]
    public void Import_reports_each_return_in_order_stores_the_valid_one_and_nothing_of_the_rejected_one()
    {
        var good = Return("805_2001");
        var bad = Return("806_2001", c2Decom: "31/02/2001");
        using var store = Store();
        var steps = new List<ImportStep>();

        var totals = ReturnsImporter.Import(store.Conn, Request(good, bad), steps.Add);

        steps.Should().HaveCount(2);
        var first = steps[0].Should().BeOfType<ReturnImported>().Subject;
        (first.Submission.Name, first.La, first.Year, first.Result.Outcome).Should().Be(("805_2001", 805, 2001, ImportOutcome.Accepted));
        first.Result.Report.Files.Sum(f => f.Rows).Should().Be(4, "two header rows and two episodes");
        var second = steps[1].Should().BeOfType<ReturnImported>().Subject;
        second.Result.Outcome.Should().BeNull();
        second.Result.Report.Messages.Select(m => m.ToString()).Should().Contain("Episodes.csv:3:2: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)");
        (totals.Accepted, totals.Rejected, totals.Unchanged).Should().Be((1, 1, 0));
        store.Conn.Query<int>("SELECT la_code FROM imports ORDER BY la_code").Should().Equal(805);
        store.Conn.ExecuteScalar<int>("SELECT count(*) FROM episodes").Should().Be(2);
    }

    [Fact]
    public void The_same_return_imported_again_is_unchanged_and_writes_nothing()
    {
        var good = Return("805_2001");
        using var store = Store();
        ReturnsImporter.Import(store.Conn, Request(good), _ => { });
        var steps = new List<ImportStep>();

        var totals = ReturnsImporter.Import(store.Conn, Request(good), steps.Add);

        steps.Should().ContainSingle().Which.Should().BeOfType<ReturnImported>().Which.Result.Outcome.Should().Be(ImportOutcome.Unchanged);
        (totals.Accepted, totals.Unchanged).Should().Be((0, 1));
        store.Conn.ExecuteScalar<int>("SELECT count(*) FROM imports").Should().Be(1);
    }

    [Fact]
    public void A_request_naming_a_missing_path_is_refused_before_anything_is_read()
    {
        var good = Return("805_2001");
        using var store = Store();
        var steps = new List<ImportStep>();

        var act = () => ReturnsImporter.Import(store.Conn, Request(good, Path.Combine(dir, "nowhere")), steps.Add);

        act.Should().Throw<RequestException>().WithMessage("*nowhere: no such file or folder");
        steps.Should().BeEmpty();
        store.Conn.ExecuteScalar<int>("SELECT count(*) FROM imports").Should().Be(0);
    }

    [Fact]
    public void Validation_finds_the_located_error_and_stores_nothing()
    {
        var bad = Return("806_2001", c2Decom: "31/02/2001");

        var run = ReturnsValidator.Validate(new ValidationRequest([bad], null, null, null, false), null, Authorities);

        run.Accepted.Should().BeFalse();
        var only = run.Returns.Should().ContainSingle().Subject;
        only.La.Should().Be(806);
        only.Report.Errors.Should().Be(1);
        only.Report.Messages.Select(m => m.ToString()).Should().Contain("Episodes.csv:3:2: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)");
        File.Exists(Db).Should().BeFalse();
    }

    [Fact]
    public void An_authority_given_that_contradicts_the_returns_name_is_refused()
    {
        var good = Return("805_2001");

        var act = () => ReturnsValidator.Validate(new ValidationRequest([good], 806, null, null, false), null, Authorities);

        act.Should().Throw<RequestException>().WithMessage("--la 806 contradicts the return 805_2001*");
    }

    [Fact]
    public void The_authority_and_year_come_from_the_name_and_an_unknown_authority_is_refused()
    {
        var s = ReturnPaths.Find(Return("999_2001")).Single();

        var act = () => ReturnPaths.Resolve(s, null, null, Authorities, laRequired: true);

        act.Should().Throw<RequestException>().WithMessage("*authority 999 is not in the authorities table");
        ReturnPaths.Resolve(ReturnPaths.Find(Return("805_2001")).Single(), null, null, Authorities, laRequired: true).Should().Be(((int?)805, 2001));
    }
}
