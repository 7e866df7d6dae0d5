using System.Globalization;
using System.Text;
using Qp.Domain.Results;

namespace Qp.Render.Html;

/// <summary>One table cell's markup; a string converts to a cell holding that text, escaped.</summary>
/// <param name="Html">The cell's content as markup.</param>
internal readonly record struct Cell(string Html)
{
    public static implicit operator Cell(string text) => new(Markup.Text(text));
}

/// <summary>A table column: its heading, and whether it holds figures (right-aligned).</summary>
internal sealed record Col(string Heading, bool Figure = false);

/// <summary>Escaping and the few elements every page repeats: data tables and target status marks.</summary>
internal static class Markup
{
    /// <summary>Text escaped for an element's content or a quoted attribute.</summary>
    public static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 8);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>An id fragment made of lower-case letters, digits and hyphens, e.g. "C23" → "c23".</summary>
    public static string Id(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s.ToLowerInvariant()) sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        return sb.Length == 0 || !char.IsAsciiLetter(sb[0]) ? "x" + sb : sb.ToString();
    }

    /// <summary>A number for SVG coordinates: invariant, at most one decimal.</summary>
    public static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A data table: caption, column headings with scope="col", the first cell of each row a row heading (scope="row"), figures
    /// right-aligned; wrapped in a focusable region so a narrow screen can scroll it sideways. A table holding a withheld 'c' is
    /// followed by the footnote that explains it.
    /// </summary>
    public static void Table(StringBuilder sb, string id, string caption, IReadOnlyList<Col> cols, IEnumerable<IReadOnlyList<Cell>> rows, string? emphasisedRowHeading = null)
    {
        var body = new StringBuilder();
        bool withheld = false;
        foreach (var row in rows)
        {
            bool own = emphasisedRowHeading is not null && row.Count > 0 && row[0].Html == Text(emphasisedRowHeading);
            body.Append(own ? "<tr class=\"own\">" : "<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                var cls = i < cols.Count && cols[i].Figure ? " class=\"num\"" : "";
                withheld |= row[i].Html == Qp.Domain.Disclosure.DisclosureControl.Suppressed;
                body.Append(i == 0 ? $"<th scope=\"row\"{cls}>{row[i].Html}</th>" : $"<td{cls}>{row[i].Html}</td>");
            }
            body.Append("</tr>\n");
        }
        var note = withheld ? $" aria-describedby=\"{id}-c\"" : "";
        sb.Append($"<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}-caption\" tabindex=\"0\">\n");
        sb.Append($"<table id=\"{id}\"{note}>\n<caption id=\"{id}-caption\">{Text(caption)}</caption>\n<thead><tr>");
        foreach (var c in cols) sb.Append($"<th scope=\"col\"{(c.Figure ? " class=\"num\"" : "")}>{Text(c.Heading)}</th>");
        sb.Append("</tr></thead>\n<tbody>\n").Append(body).Append("</tbody>\n</table>\n</div>\n");
        if (withheld)
            sb.Append($"<p class=\"note\" id=\"{id}-c\"><span class=\"c\">c</span>: withheld to protect confidentiality " +
                      "(a count of 1 to 5, or a group of fewer than 10 children); what would reveal it is withheld with it.</p>\n");
    }

    /// <summary>A target status as a shape and its words: a disc for met, a square for not met, a triangle for not yet due, a ring for no target.</summary>
    public static Cell Status(TargetStatus s) => new($"<span class=\"status\">{StatusShape(s, 12)}{Text(Qp.Render.Pdf.Figures.Status(s))}</span>");

    /// <summary>The status's shape as a small decorative SVG (the words beside it carry the meaning).</summary>
    public static string StatusShape(TargetStatus s, int size)
    {
        var shape = s switch
        {
            TargetStatus.Met => "<circle cx=\"6\" cy=\"6\" r=\"5\"/>",
            TargetStatus.NotMet => "<rect x=\"1.5\" y=\"1.5\" width=\"9\" height=\"9\"/>",
            TargetStatus.NotYetDue => "<path d=\"M6 1 L11 10.5 L1 10.5 Z\"/>",
            _ => "<circle cx=\"6\" cy=\"6\" r=\"4.2\" fill=\"none\" stroke-width=\"1.6\"/>",
        };
        return $"<svg class=\"mark {StatusClass(s)}\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\">{shape}</svg>";
    }

    /// <summary>The CSS class that colours a status (the colours pass 3:1 against white; the shape and words carry the meaning).</summary>
    public static string StatusClass(TargetStatus s) => s switch
    {
        TargetStatus.Met => "met",
        TargetStatus.NotMet => "notmet",
        TargetStatus.NotYetDue => "notdue",
        _ => "notarget",
    };
}
