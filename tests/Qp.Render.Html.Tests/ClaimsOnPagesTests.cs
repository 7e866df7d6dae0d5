using Qp.Claims;

namespace Qp.Render.Html.Tests;

/// <summary>The claims checker reads the web pages as it reads the packs: every generated statement on them holds.</summary>
public sealed class ClaimsOnPagesTests(SmallEdition edition) : IClassFixture<SmallEdition>
{
    [Fact]
    public void Every_statement_on_every_page_holds()
    {
        var checker = new ClaimsChecker(edition.Data, 2001);
        foreach (var f in edition.Files) checker.CheckWebPage(f);

        checker.Report.Failures.Should().BeEmpty();
        var counts = checker.Report.Counts;
        // At least each authority page's targets tile, and England's figure in each of the England page's seven readings.
        counts[ClaimKind.Target].Checked.Should().BeGreaterThanOrEqualTo(5);
        counts[ClaimKind.England].Checked.Should().BeGreaterThanOrEqualTo(7);
        counts[ClaimKind.Trend].Checked.Should().BeGreaterThanOrEqualTo(5 * 6, "every shown figure's reading ends with its trend");
    }

    [Fact]
    public void A_page_that_misstates_a_rank_is_caught()
    {
        var copy = Path.Combine(edition.Root, "805_Hartlepool.html");
        var html = File.ReadAllText(edition.Hartlepool);
        html.Should().Contain("It ranks 1st of 5 authorities");
        int at = html.IndexOf("It ranks 1st of 5 authorities", StringComparison.Ordinal);
        File.WriteAllText(copy, html[..at] + "It ranks 2nd" + html[(at + "It ranks 1st".Length)..]);

        var checker = new ClaimsChecker(edition.Data, 2001);
        checker.CheckWebPage(copy);

        checker.Report.Failures.Should().ContainSingle().Which.Kind.Should().Be(ClaimKind.Rank);
    }

    [Fact]
    public void Pages_of_a_synthetic_store_must_say_SYNTHETIC()
    {
        var data = edition.Data with { Synthetic = true };
        var checker = new ClaimsChecker(data, 2001);
        // The edition's pages were written from the store as it was (not marked synthetic): the checker finds every page unmarked.
        foreach (var f in edition.Files) checker.CheckWebPage(f);
        checker.Report.Failures.Where(f => f.Kind == ClaimKind.Synthetic).Should().HaveCount(7);

        var folder = Path.Combine(edition.Root, "synthetic-claims");
        Directory.CreateDirectory(folder);
        var marked = new ClaimsChecker(data, 2001);
        foreach (var f in HtmlEdition.Write(data, SmallEdition.Options, folder)) marked.CheckWebPage(f);
        marked.Report.Failures.Should().BeEmpty();
    }
}
