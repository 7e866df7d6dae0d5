using System.Text;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>
/// What every page shares: language, skip link, banner with the edition's navigation, main landmark, footer, and one inline
/// stylesheet (screen, 400% zoom, print on A4), so each page stands alone and needs no network.
/// </summary>
internal static class Shell
{
    /// <summary>The mark in the head of every page this tool writes: a later run replaces only pages that carry it.</summary>
    public const string Generator = "<meta name=\"generator\" content=\"QP Reporting web edition\">";

    /// <summary>The whole page around <paramref name="main"/>, the content of its main landmark (which starts with the page's one h1).</summary>
    public static string Page(EditionPages e, string title, string main, string? script = null)
    {
        var o = e.Options;
        var sb = new StringBuilder(main.Length + Css.Length + 2048);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append($"{Generator}\n")
          .Append($"<title>{Text(title)}</title>\n<style>\n{Css}</style>\n</head>\n<body>\n")
          .Append("<a class=\"skip\" href=\"#main\">Skip to main content</a>\n")
          .Append("<header class=\"site\">\n<p class=\"brand\">Quality Protects performance: web edition</p>\n")
          .Append("<nav aria-label=\"Edition\"><ul><li><a href=\"index.html\">All authorities</a></li><li><a href=\"england.html\">England overview</a></li></ul></nav>\n</header>\n")
          .Append("<main id=\"main\" tabindex=\"-1\">\n");
        // The edition's own words, as on every PDF page and workbook sheet made from sample data.
        if (e.Source.Text.SyntheticNotice is { } notice) sb.Append($"<p class=\"synthetic\"><strong>{Text(notice)}</strong></p>\n");
        sb.Append(main).Append("</main>\n<footer class=\"site\">\n")
          .Append($"<p>Produced {Text(o.Produced.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))} by QP Reporting. ")
          .Append(o.Publish ? "Published edition: disclosure control applied (small numbers shown as c)." : "Not for publication: contains unsuppressed small numbers.")
          .Append("</p>\n</footer>\n");
        if (script is not null) sb.Append("<script>\n").Append(script).Append("</script>\n");
        return sb.Append("</body>\n</html>\n").ToString();
    }

    // Colours: text 4.5:1 or more on its background, chart marks and focus ring 3:1 or more (WCAG 1.4.3, 1.4.11).
    private const string Css = """
        :root { --ink: #1b1b1b; --muted: #4a5059; --navy: #1f3a5f; --own: #b34700; --other: #6b7480; --rule: #b8c0cc; --band: #eef2f7;
                --met: #1b7f3b; --notmet: #b3261e; --notdue: #8a5a00; --notarget: #5f6670; --focus: #ffdd00; }
        * { box-sizing: border-box; }
        html { font-family: "Noto Sans", Arial, Helvetica, sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: #fff; }
        body { margin: 0; }
        a { color: #1d4f91; text-underline-offset: 0.15em; }
        a:visited { color: #4c2c92; }
        a:hover { text-decoration-thickness: 3px; }
        :focus-visible { outline: 3px solid var(--ink); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
        main:focus { outline: none; box-shadow: none; }
        .skip { position: absolute; left: 0.5rem; top: -4rem; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; z-index: 10; font-weight: bold; }
        .skip:focus { top: 0.5rem; }
        header.site, footer.site { background: var(--navy); color: #fff; padding: 0.75rem 1rem; }
        header.site a, footer.site a { color: #fff; }
        header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .brand { margin: 0 0 0.25rem; font-weight: bold; letter-spacing: 0.02em; }
        main { display: block; max-width: 62rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 4px solid var(--navy); }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
        p, li, dd { max-width: 42rem; }
        .synthetic { border: 4px solid var(--notmet); background: #fff4f2; padding: 0.75rem 1rem; font-size: 1.1rem; }
        .reading { background: var(--band); border-left: 6px solid var(--own); padding: 0.75rem 1rem; font-size: 1.1rem; max-width: none; }
        .reading.england { border-left-color: var(--navy); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
        dl.facts dt { font-weight: bold; color: var(--muted); }
        dl.facts dd { margin: 0; }
        ul.tiles { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
        ul.tiles li { flex: 1 1 9rem; border: 1px solid var(--rule); border-top: 4px solid var(--navy); padding: 0.5rem 0.75rem; }
        ul.tiles .figure { display: block; font-size: 1.5rem; font-weight: bold; }
        .table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; max-width: 100%; }
        table { border-collapse: collapse; font-size: 0.95rem; min-width: 16rem; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        th[scope=row] { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.own th, tr.own td { font-weight: bold; background: #fff1e5; }
        .note { font-size: 0.9rem; color: var(--muted); }
        .status { white-space: nowrap; }
        .mark { vertical-align: -0.1em; margin-right: 0.3em; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 52rem; margin: 0.5rem 0; }
        svg.defs { position: absolute; }
        .chart text { font-size: 13px; fill: var(--ink); }
        .chart .tick { fill: var(--muted); }
        .chart .grid { stroke: #d5dae1; stroke-width: 1; }
        .chart .other { fill: var(--other); }
        .chart .own { fill: var(--own); }
        .chart .own-label { font-weight: bold; fill: var(--own); }
        .chart .own-tick { stroke: var(--own); stroke-width: 1.5; }
        .chart line.england { stroke: var(--navy); stroke-width: 2.5; }
        .chart line.target { stroke: var(--notmet); stroke-width: 3; }
        .chart .england-label { fill: var(--navy); font-weight: bold; }
        .chart .target-label { fill: var(--notmet); font-weight: bold; }
        .met { fill: var(--met); stroke: var(--met); }
        .notmet { fill: var(--notmet); stroke: var(--notmet); }
        .notdue { fill: var(--notdue); stroke: var(--notdue); }
        .notarget { fill: var(--notarget); stroke: var(--notarget); }
        .chart .notmet-bar { stroke: var(--notmet); stroke-width: 0.8; }
        .chart .notdue-bar { stroke: var(--notdue); stroke-width: 0.8; }
        .open { fill: #fff; stroke: var(--notarget); stroke-width: 1.2; }
        .series-own { stroke: var(--own); fill: var(--own); stroke-width: 3.5; }
        .series-england { stroke: var(--navy); fill: var(--navy); stroke-width: 2.5; }
        .series-neighbours { stroke: #1e6b45; fill: #1e6b45; stroke-width: 2.5; }
        .series-median { stroke: var(--other); fill: var(--other); stroke-width: 2.5; }
        ul.key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.25rem 0; }
        ul.key svg { vertical-align: -0.1em; }
        nav.contents ol { columns: 2 16rem; }
        .search { margin: 1rem 0; }
        .search label { display: block; font-weight: bold; }
        .search input { font: inherit; padding: 0.4rem; width: 100%; max-width: 24rem; border: 2px solid var(--ink); }
        [hidden] { display: none !important; }
        @media (max-width: 40rem) {
          h1 { font-size: 1.6rem; }
          dl.facts { grid-template-columns: 1fr; }
          dl.facts dd { margin-bottom: 0.5rem; }
        }
        @media print {
          @page { size: A4; margin: 15mm 12mm; }
          html { font-size: 10pt; }
          .skip, header.site nav, .search, nav.contents { display: none; }
          header.site, footer.site { background: none; color: #000; padding: 0; }
          main { max-width: none; padding: 0; }
          a { color: #000; text-decoration: none; }
          .table-wrap { overflow: visible; }
          section.indicator { break-before: page; }
          svg.chart, table, figure { break-inside: avoid; }
          tr { break-inside: avoid; }
          .reading, tr.own th, tr.own td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}
