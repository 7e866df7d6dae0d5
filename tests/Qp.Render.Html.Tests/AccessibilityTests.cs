using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Qp.Tests.Shared;

namespace Qp.Render.Html.Tests;

/// <summary>Every page of the small edition in Chromium: axe at WCAG 2.2 AA, reflow at 320 CSS pixels, keyboard-only use.</summary>
[Collection("browser")]
public sealed class AccessibilityTests(BrowserEdition fixture)
{
    private static readonly List<string> Wcag22AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static string Url(string file) => new Uri(file).AbsoluteUri;

    [ChromiumFact]
    public async Task Axe_finds_no_WCAG_2_2_AA_violation_on_any_page()
    {
        fixture.Edition.Files.Should().HaveCount(7, "index, England and five authority pages");
        var page = await fixture.Browser.NewPage();
        var found = new List<string>();
        var checkedRules = new List<(string File, List<string> Missing)>();
        foreach (var file in fixture.Edition.Files.Order(StringComparer.Ordinal))
        {
            await page.GotoAsync(Url(file));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Wcag22AA }, ResultTypes = [ResultType.Violations] });
            found.AddRange(result.Violations.Select(v => $"{Path.GetFileName(file)}: {v.Id} ({v.Nodes.Length} nodes, e.g. {v.Nodes[0].Html})"));
            // A run that checked nothing would pass vacuously: contrast, language, tables and (where there are charts) images must have been checked.
            string[] ran = file.EndsWith(HtmlEdition.IndexFile) ? ["color-contrast", "html-lang-valid", "th-has-data-cells"] : ["color-contrast", "html-lang-valid", "th-has-data-cells", "svg-img-alt"];
            checkedRules.Add((Path.GetFileName(file), ran.Except(result.Passes.Select(p => p.Id)).ToList()));
        }
        found.Should().BeEmpty();
        checkedRules.Should().OnlyContain(c => c.Missing.Count == 0);
    }

    /// <summary>
    /// axe on every page of an edition written elsewhere (e.g. an England-scale one): set QP_WEB_EDITION to its folder
    /// (and QP_WEB_EDITION_LIMIT to check only the first N pages: index, England, then authorities by code). Skipped otherwise: it takes minutes.
    /// </summary>
    [WebEditionFact]
    public async Task Axe_finds_no_violation_on_the_pages_of_the_edition_in_QP_WEB_EDITION()
    {
        var folder = Environment.GetEnvironmentVariable("QP_WEB_EDITION")!;
        int limit = int.TryParse(Environment.GetEnvironmentVariable("QP_WEB_EDITION_LIMIT"), out var n) ? n : int.MaxValue;
        var page = await fixture.Browser.NewPage();
        var found = new List<string>();
        // The index and England's page first, then the authorities by code.
        var files = Directory.GetFiles(folder, "*.html").OrderBy(f => char.IsAsciiDigit(Path.GetFileName(f)[0])).ThenBy(f => f, StringComparer.Ordinal).Take(limit).ToList();
        foreach (var file in files)
        {
            await page.GotoAsync(Url(file));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Wcag22AA }, ResultTypes = [ResultType.Violations] });
            found.AddRange(result.Violations.Select(v => $"{Path.GetFileName(file)}: {v.Id} ({v.Nodes.Length} nodes, e.g. {v.Nodes[0].Html})"));
            Console.WriteLine($"axe: {Path.GetFileName(file)}: {result.Violations.Length} violation(s)");
        }
        found.Should().BeEmpty();
        files.Should().NotBeEmpty();
    }

    [ChromiumFact]
    public async Task Every_page_reflows_at_320_css_pixels_without_sideways_scrolling_of_the_page()
    {
        var page = await fixture.Browser.NewPage(width: 320);
        foreach (var file in fixture.Edition.Files)
        {
            await page.GotoAsync(Url(file));
            // Wide tables scroll inside their own focusable region (allowed for data tables); the page itself must not.
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            width.Should().BeLessThanOrEqualTo(320, Path.GetFileName(file));
        }
    }

    [ChromiumFact]
    public async Task Keyboard_alone_reaches_the_skip_link_main_content_search_and_an_authority_page_with_focus_visible()
    {
        var page = await fixture.Browser.NewPage();
        await page.GotoAsync(Url(Path.Combine(fixture.Edition.Folder, HtmlEdition.IndexFile)));

        await page.Keyboard.PressAsync("Tab");
        (await Focused(page)).Should().Be("A.skip");
        // The skip link is on screen once focused, with a visible ring: a 3px outline and the yellow halo.
        var box = await page.Locator("a.skip").BoundingBoxAsync();
        box!.Y.Should().BeGreaterThanOrEqualTo(0);
        (await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle")).Should().Be("solid");
        (await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineWidth")).Should().Be("3px");

        await page.Keyboard.PressAsync("Enter");
        (await Focused(page)).Should().Be("MAIN#main");

        // From main: the England link, then the search box (shown because script runs).
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')")).Should().Be("england.html");
        await page.Keyboard.PressAsync("Tab");
        (await Focused(page)).Should().Be("INPUT#q");
        await page.Keyboard.TypeAsync("hartle");
        (await page.Locator("#authorities-table tbody tr:visible").CountAsync()).Should().Be(1);
        (await page.Locator("#q-count").TextContentAsync()).Should().Be("1 authority shown.");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("806");
        (await page.Locator("#authorities-table tbody tr:visible").First.Locator("a").TextContentAsync()).Should().Be("Middlesbrough");

        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("805");
        // Past the table's scroll region to Hartlepool's link, then follow it.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Be("Hartlepool");
        await page.Keyboard.PressAsync("Enter");
        // Poll for the followed page, its address then its title, rather than wait for a navigation event: WaitForURL missed a
        // navigation that committed just after the key press returned (the page's own navigated and load events fired) and timed out.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/805_Hartlepool\\.html$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveTitleAsync("Hartlepool: Quality Protects performance 2000-01", new() { Timeout = 30_000 });
    }

    [ChromiumFact]
    public async Task Without_script_the_index_lists_every_authority_and_shows_no_dead_search_box()
    {
        var page = await fixture.Browser.NewPage(script: false);
        await page.GotoAsync(Url(Path.Combine(fixture.Edition.Folder, HtmlEdition.IndexFile)));
        (await page.Locator("form.search").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#authorities-table tbody tr").AllTextContentsAsync()).Should().HaveCount(5);
    }

    private static Task<string> Focused(IPage page) =>
        page.EvaluateAsync<string>("document.activeElement.tagName + (document.activeElement.id ? '#' + document.activeElement.id : '') + (document.activeElement.className ? '.' + document.activeElement.className : '')");
}

/// <summary>A fact that checks an edition written elsewhere: skipped unless Chromium is installed and QP_WEB_EDITION names a folder.</summary>
public sealed class WebEditionFactAttribute : FactAttribute
{
    public WebEditionFactAttribute()
    {
        if (!Chromium.Present) Skip = $"{Chromium.Path} is absent: install the browser with 'apt-get install chromium'";
        else if (!Directory.Exists(Environment.GetEnvironmentVariable("QP_WEB_EDITION") ?? ""))
            Skip = "set QP_WEB_EDITION to a folder written by qp report html (e.g. an England-scale edition) to run axe over its pages";
    }
}
