using System.Text;
using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Cli.Tests;

public class ReportPdfCommandTests
{
    private static bool IsPdf(string path) => Encoding.ASCII.GetString(File.ReadAllBytes(path)[..5]) == "%PDF-";

    [Fact]
    public void Writes_an_authority_pack_all_packs_and_the_national_overview()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);

        var one = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--la", "805", "--out", tmp.File("805.pdf"));
        one.ExitCode.Should().Be(0, one.Error);
        one.Out.Should().Contain("Hartlepool");
        IsPdf(tmp.File("805.pdf")).Should().BeTrue();

        var all = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--all", "--out", tmp.File("packs"), "--publish");
        all.ExitCode.Should().Be(0, all.Error);
        // The five authorities with 2001 results, named by code and sanitised name, and the ledger of the packs qp wrote.
        Directory.GetFiles(tmp.File("packs")).Select(Path.GetFileName).Should().BeEquivalentTo(".qp-packs.json",
            "805_Hartlepool.pdf", "806_Middlesbrough.pdf", "807_Redcar-and-Cleveland.pdf", "808_Stockton-on-Tees.pdf", "841_Darlington.pdf");

        var national = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--national", "--out", tmp.File("england.pdf"));
        national.ExitCode.Should().Be(0, national.Error);
        IsPdf(tmp.File("england.pdf")).Should().BeTrue();
    }

    [Fact]
    public void Refuses_to_overwrite_the_store_and_leaves_it_unchanged()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        var before = File.ReadAllBytes(db);

        var run = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--la", "805", "--out", db);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("never overwrite an input");
        File.ReadAllBytes(db).Should().Equal(before);
    }

    [Theory]
    [InlineData("--year", "2001", "--out", "x.pdf")] // none of --la/--all/--national
    [InlineData("--year", "2001", "--la", "805", "--all", "--out", "x.pdf")] // two of them
    [InlineData("--year", "1990", "--la", "805", "--out", "x.pdf")] // no results for the year
    [InlineData("--year", "2001", "--la", "999", "--out", "x.pdf")] // unknown authority
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        var full = new[] { "report", "pdf", "--db", db }.Concat(args.Select(a => a == "x.pdf" ? tmp.File("x.pdf") : a)).ToArray();

        var run = QpRunner.Run(full);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("qp: ");
        File.Exists(tmp.File("x.pdf")).Should().BeFalse();
    }

    [Fact]
    public void Help_describes_the_options()
    {
        var run = QpRunner.Run("report", "pdf", "--help");
        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("--la").And.Contain("--all").And.Contain("--national").And.Contain("--publish");
    }
}
