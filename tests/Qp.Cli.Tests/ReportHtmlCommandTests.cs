using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Cli.Tests;

public class ReportHtmlCommandTests
{
    private static readonly string[] AllPages =
        ["index.html", "england.html", "805_Hartlepool.html", "806_Middlesbrough.html", "807_Redcar-and-Cleveland.html", "808_Stockton-on-Tees.html", "841_Darlington.html"];

    [Fact]
    public void Writes_the_index_England_and_every_authority_then_replaces_its_own_pages_on_a_second_run()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        var web = tmp.File("web");

        var first = QpRunner.Run("report", "html", "--db", db, "--year", "2001", "--all", "--publish", "--out", web);
        first.ExitCode.Should().Be(0, first.Error);
        first.Out.Should().Contain($"Wrote the web edition for 2000-01 to {web}: 7 pages").And.Contain("(disclosure control applied)");
        Directory.GetFileSystemEntries(web).Select(Path.GetFileName).Should().BeEquivalentTo([.. AllPages, ".qp-pages.json"]);

        // A second run, unpublished this time, replaces the pages it wrote: England's A1 was 15.0% from rounded counts, now 15.1%.
        var second = QpRunner.Run("report", "html", "--db", db, "--year", "2001", "--out", web);
        second.ExitCode.Should().Be(0, second.Error);
        Directory.GetFileSystemEntries(web).Select(Path.GetFileName).Should().BeEquivalentTo([.. AllPages, ".qp-pages.json"]);
        File.ReadAllText(Path.Combine(web, "805_Hartlepool.html")).Should().Contain("Not for publication").And.Contain("<td class=\"num\">15.1%</td>");
        Directory.GetDirectories(tmp.Path).Select(Path.GetFileName).Should().Equal(["web"], "no staging folder is left beside it");
    }

    [Fact]
    public void Writes_only_the_authorities_asked_for_and_links_to_no_page_it_did_not_write()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);

        var run = QpRunner.Run("report", "html", "--db", db, "--year", "2000-01", "--la", "805", "806", "--out", tmp.File("web"));
        run.ExitCode.Should().Be(0, run.Error);
        Directory.GetFiles(tmp.File("web")).Select(Path.GetFileName).Should().BeEquivalentTo(["index.html", "england.html", "805_Hartlepool.html", "806_Middlesbrough.html", ".qp-pages.json"]);
        File.ReadAllText(tmp.File("web/index.html")).Should().NotContain("href=\"807_");
    }

    [Theory]
    [InlineData("notes.txt", "not from qp")]
    [InlineData("mine.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Mine</title></head></html>")]
    public void A_users_own_file_in_the_folder_is_left_as_it_was_and_the_pages_are_written_beside_it(string name, string content)
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        var web = tmp.File("web");
        Directory.CreateDirectory(web);
        File.WriteAllText(Path.Combine(web, name), content);

        var run = QpRunner.Run("report", "html", "--db", db, "--year", "2001", "--out", web);

        run.ExitCode.Should().Be(0, run.Error);
        Directory.GetFileSystemEntries(web).Select(Path.GetFileName).Should().BeEquivalentTo([.. AllPages, ".qp-pages.json", name]);
        File.ReadAllText(Path.Combine(web, name)).Should().Be(content);
    }

    [Fact]
    public void A_users_file_under_a_pages_name_is_never_replaced()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        var web = tmp.File("web");
        Directory.CreateDirectory(web);
        File.WriteAllText(Path.Combine(web, "index.html"), "my own index");

        var run = QpRunner.Run("report", "html", "--db", db, "--year", "2001", "--out", web);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("index.html is already there and was not written by qp report html");
        Directory.GetFileSystemEntries(web).Select(Path.GetFileName).Should().Equal("index.html");
        File.ReadAllText(Path.Combine(web, "index.html")).Should().Be("my own index");
    }

    [Theory]
    [InlineData("--la", "805", "--all")]
    [InlineData("--la", "999")]
    [InlineData("--la", "80x")]
    [InlineData("--year", "1990")]
    public void Usage_errors_exit_2_and_write_nothing(params string[] extra)
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        string[] year = extra.Contains("--year") ? [] : ["--year", "2001"];

        var run = QpRunner.Run(["report", "html", "--db", db, .. year, .. extra, "--out", tmp.File("web")]);

        run.ExitCode.Should().Be(2, run.Error);
        Directory.Exists(tmp.File("web")).Should().BeFalse();
    }

    [Fact]
    public void Out_naming_a_file_is_refused()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        PackStore.BuildSmall(db);
        File.WriteAllText(tmp.File("page.html"), "mine");

        var run = QpRunner.Run("report", "html", "--db", db, "--year", "2001", "--out", tmp.File("page.html"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is a file");
        File.ReadAllText(tmp.File("page.html")).Should().Be("mine");
    }
}
