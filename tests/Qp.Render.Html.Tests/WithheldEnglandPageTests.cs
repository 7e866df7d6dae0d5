using System.Text.RegularExpressions;
using Qp.Claims;
using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Render.Html.Tests;

/// <summary>
/// The web edition of <see cref="PackStore.WithheldEngland"/>: England's A1, withheld by the edition's disclosure decision, is c in every
/// table, tile and chart description; England's A2, not stored, is '–'.
/// </summary>
public sealed class WithheldEnglandPageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("qp-html-england-c-").FullName;
    private readonly Store.ReportData data = PackStore.WithheldEngland();
    private readonly IReadOnlyList<string> files;

    public WithheldEnglandPageTests() => files = HtmlEdition.Write(data, SmallEdition.Options, folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Page(string name) => File.ReadAllText(Path.Combine(folder, name));

    // The tile's figure: <li>England (rounded counts)<span class="figure">…</span></li> within the indicator's section.
    private static string EnglandTile(string section) =>
        HtmlTables.Plain(Regex.Match(section, "<li>England \\(rounded counts\\)<span class=\"figure\">(.*?)</span>").Groups[1].Value);

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section class=\"indicator\" aria-labelledby=\"{id}\">", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page has a section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Description(string section, string chart) =>
        HtmlTables.Plain(Regex.Match(section, $"<desc id=\"{chart}-d\">(.*?)</desc>", RegexOptions.Singleline).Groups[1].Value);

    [Fact]
    public void Englands_page_prints_a_withheld_England_figure_as_c_and_a_missing_one_as_a_dash()
    {
        var html = Page("england.html");
        var summary = HtmlTables.Rows(html, "summary-table");
        summary[0][1].Should().Be("c", "England's A1 is withheld");
        summary[1][1].Should().Be("–", "no England A2 is stored");

        var a1 = Section(html, "a1");
        EnglandTile(a1).Should().Be("c");
        Description(a1, "a1-ranked").Should().Contain("England's figure is withheld (c)").And.NotContain("England (–)");
        HtmlTables.Rows(a1, "a1-trend-table")[^1].Should().Equal("2000-01", "c", "43.3%");
        var a2 = Section(html, "a2");
        EnglandTile(a2).Should().Be("–");
        Description(a2, "a2-ranked").Should().Contain("no England figure is stored (–)");
        HtmlTables.Rows(a2, "a2-trend-table")[^1][1].Should().Be("–");
    }

    [Fact]
    public void An_authority_page_prints_a_withheld_England_figure_as_c_in_its_reading_tile_chart_description_trend_and_neighbour_tables()
    {
        var html = Page("805_Hartlepool.html");
        HtmlTables.Rows(html, "summary-table").Select(r => r[2]).Take(2).Should().Equal("c", "–");

        var a1 = Section(html, "a1");
        a1.Should().Contain("England&#39;s figure is withheld (c).").And.NotContain("England&#39;s figure was –");
        EnglandTile(a1).Should().Be("c");
        Description(a1, "a1-ranked").Should().Contain("England's figure is withheld (c)");
        HtmlTables.Rows(a1, "a1-trend-table")[^1].Should().Equal("2000-01", "c", "c", "–");
        HtmlTables.Rows(a1, "a1-sn-table")[^1].Take(2).Should().Equal("England (rounded counts)", "c");

        var a2 = Section(html, "a2");
        EnglandTile(a2).Should().Be("–");
        Description(a2, "a2-ranked").Should().Contain("no England figure is stored (–)");
        HtmlTables.Rows(a2, "a2-trend-table")[^1].Should().Equal("2000-01", "60.0%", "–", "–");
        HtmlTables.Rows(a2, "a2-sn-table")[^1].Take(2).Should().Equal("England (rounded counts)", "–");
    }

    [Fact]
    public void The_claims_checker_accepts_c_for_a_withheld_England_figure_and_rejects_a_dash()
    {
        var checker = new ClaimsChecker(data, 2001);
        foreach (var f in files) checker.CheckWebPage(f);
        checker.Report.Failures.Should().BeEmpty();
        checker.Report.Counts[ClaimKind.England].Checked.Should().BeGreaterThanOrEqualTo(2, "Hartlepool's A1 reading and England's say England's A1 is withheld");

        // The reading as it used to be: England's withheld A1 written as '–', as if none were stored.
        var page = Page("805_Hartlepool.html");
        var dash = page.Replace("England&#39;s figure is withheld (c).", "England&#39;s figure was –.", StringComparison.Ordinal);
        dash.Should().NotBe(page);
        var copy = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "copy")).FullName, "805_Hartlepool.html");
        File.WriteAllText(copy, dash);
        var strict = new ClaimsChecker(data, 2001);
        strict.CheckWebPage(copy);
        strict.Report.Failures.Should().NotBeEmpty().And.OnlyContain(f => f.Kind == ClaimKind.England && f.Message == "England –; this edition's England figure is c");
    }
}
