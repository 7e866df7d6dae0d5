using System.Text.RegularExpressions;
using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Render.Html.Tests;

/// <summary>What the pages say and how they are built, read from the written files (no browser needed).</summary>
public sealed class PageTests(SmallEdition edition) : IClassFixture<SmallEdition>
{
    [Fact]
    public void The_edition_has_an_index_England_and_a_page_per_authority_named_like_the_packs()
    {
        edition.Files.Select(Path.GetFileName).Should().BeEquivalentTo(
            ["index.html", "england.html", "805_Hartlepool.html", "806_Middlesbrough.html", "807_Redcar-and-Cleveland.html", "808_Stockton-on-Tees.html", "841_Darlington.html"]);
        Directory.GetFiles(edition.Folder).Should().HaveCount(7, "no temporary file is left behind");
    }

    [Fact]
    public void Hartlepools_summary_shows_the_published_figures_with_B7_withheld_as_c_and_its_footnote()
    {
        var html = edition.Page("805_Hartlepool.html");
        var rows = HtmlTables.Rows(html, "summary-table");
        rows.Select(r => r[0]).Should().Equal("A1 Stability of placements", "A2 Educational qualifications of care leavers",
            "A3 Re-registrations on the child protection register", "B7 Children looked after in foster placements or placed for adoption",
            "C23 Adoptions of children looked after", "D78 Long-term stability", "HA Health assessments up to date");
        // A1: 31/250 = 12.4%; England 151/1000 published from counts rounded to 10: 150/1000 = 15.0%, inside Hartlepool's interval
        // 9.0-17.0, so Similar; neighbours 34/210, 38/220, 42/230, 46/240 = 16.2, 17.3, 18.3, 19.2, mean 17.75 → 17.8%; target 16 met.
        rows[0].Skip(1).Should().Equal("12.4%", "15.0%", "17.8%", "max 16.0%", "Met", "Similar", "1 of 5");
        // B7: 3 of 37, a count of 1 to 5, so its value, status, comparison and rank are withheld.
        rows[3][1].Should().Be("c");
        rows[3][7].Should().Be("c");
        html.Should().Contain("<p class=\"note\" id=\"summary-table-c\"><span class=\"c\">c</span>: withheld to protect confidentiality");
        html.Should().Contain("<table id=\"summary-table\" aria-describedby=\"summary-table-c\">");
    }

    [Fact]
    public void Every_chart_is_an_image_named_by_its_own_title_and_description_and_is_followed_by_its_data_table()
    {
        foreach (var file in edition.Files)
        {
            var html = File.ReadAllText(file);
            var charts = Regex.Matches(html, "<svg class=\"chart\"[^>]*aria-labelledby=\"([^ \"]+) ([^\"]+)\"[^>]*>");
            if (Path.GetFileName(file) != "index.html") charts.Should().NotBeEmpty(Path.GetFileName(file));
            foreach (Match m in charts)
            {
                m.Value.Should().Contain("role=\"img\"");
                html.Should().Contain($"<title id=\"{m.Groups[1].Value}\">").And.Contain($"<desc id=\"{m.Groups[2].Value}\">");
                var after = html[html.IndexOf("</svg>", m.Index, StringComparison.Ordinal)..];
                var next = Regex.Match(after, "<(div class=\"table-wrap\"|h[1-6]|section|svg)");
                next.Groups[1].Value.Should().Be("div class=\"table-wrap\"", $"the chart {m.Groups[1].Value} in {Path.GetFileName(file)} is followed by its table");
            }
        }
    }

    [Fact]
    public void Headings_descend_one_level_at_a_time_from_a_single_h1()
    {
        foreach (var file in edition.Files)
        {
            var levels = Regex.Matches(File.ReadAllText(file), "<h([1-6])[ >]").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            levels[0].Should().Be(1);
            levels.Count(l => l == 1).Should().Be(1);
            levels.Zip(levels.Skip(1)).Should().OnlyContain(p => p.Second <= p.First + 1, Path.GetFileName(file));
        }
    }

    [Fact]
    public void Pages_stand_alone_no_request_leaves_the_folder_and_every_link_finds_its_page_and_anchor()
    {
        foreach (var file in edition.Files)
        {
            var html = File.ReadAllText(file);
            html.Should().NotContainAny("src=", "http:", "https:", "<link ", "@import");
            foreach (Match m in Regex.Matches(html, "href=\"([^\"]*)\""))
            {
                var target = m.Groups[1].Value.Split('#');
                var page = target[0] == "" ? file : Path.Combine(edition.Folder, target[0]);
                File.Exists(page).Should().BeTrue($"{Path.GetFileName(file)} links to {m.Groups[1].Value}");
                if (target.Length > 1) File.ReadAllText(page).Should().Contain($"id=\"{target[1]}\"", $"{Path.GetFileName(file)} links to {m.Groups[1].Value}");
            }
        }
    }

    [Fact]
    public void Every_id_on_a_page_is_unique()
    {
        foreach (var file in edition.Files)
        {
            var ids = Regex.Matches(File.ReadAllText(file), " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            ids.Should().OnlyHaveUniqueItems(Path.GetFileName(file));
        }
    }

    [Fact]
    public void Pages_made_from_sample_data_say_so_at_the_top_of_main_and_others_do_not()
    {
        var folder = Path.Combine(edition.Root, "synthetic");
        Directory.CreateDirectory(folder);
        var files = HtmlEdition.Write(edition.Data with { Synthetic = true }, SmallEdition.Options, folder, [PackStore.Hartlepool]);
        files.Should().HaveCount(3, "index, England and the one authority asked for");
        foreach (var f in files)
            File.ReadAllText(f).Should().Contain("<main id=\"main\" tabindex=\"-1\">\n<p class=\"synthetic\"><strong>SYNTHETIC DATA: made by qp sample");
        edition.Files.Should().OnlyContain(f => !File.ReadAllText(f).Contains("SYNTHETIC"));
        // With one authority written, the index and England's page link to it only.
        File.ReadAllText(files.Single(f => f.EndsWith("index.html"))).Should().Contain("href=\"805_Hartlepool.html\"").And.NotContain("href=\"806_");
    }

    [Fact]
    public void Text_from_the_store_is_escaped()
    {
        Markup.Text("<script>alert('x')</script> & \"q\"").Should().Be("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        Markup.Id("C23").Should().Be("c23");
        Markup.Id("9 x/y").Should().Be("x9-x-y");
    }

    [Fact]
    public void A_page_of_the_edition_is_known_by_its_generator_mark_and_a_users_html_file_is_not()
    {
        HtmlEdition.IsEditionPage(edition.Hartlepool).Should().BeTrue();
        var mine = Path.Combine(edition.Root, "mine.html");
        File.WriteAllText(mine, "<!DOCTYPE html><html lang=\"en\"><head><title>My notes</title></head></html>");
        HtmlEdition.IsEditionPage(mine).Should().BeFalse();
        HtmlEdition.IsEditionPage(Path.Combine(edition.Root, "qp.db")).Should().BeFalse();
    }
}
