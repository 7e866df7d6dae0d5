using System.Net;
using System.Text.RegularExpressions;

namespace Qp.Render.Html.Tests;

/// <summary>Reads a page's tables back as text, cell by cell, the way a screen reader's table mode reads them.</summary>
public static partial class HtmlTables
{
    /// <summary>The body rows of the table with id <paramref name="id"/>, each cell's text with tags removed and entities decoded.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(string html, string id)
    {
        var start = html.IndexOf($"<table id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page has a table {id}");
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        body = body[body.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return RowPattern().Matches(body)
            .Select(r => (IReadOnlyList<string>)CellPattern().Matches(r.Groups[1].Value).Select(c => Plain(c.Groups[1].Value)).ToList()).ToList();
    }

    /// <summary>Text with tags removed, entities decoded and runs of whitespace collapsed.</summary>
    public static string Plain(string html) => Regex.Replace(WebUtility.HtmlDecode(Tag().Replace(html, "")), @"\s+", " ").Trim();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
