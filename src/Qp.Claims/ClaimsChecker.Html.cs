using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Qp.Domain.Indicators;

namespace Qp.Claims;

/// <summary>The web edition read back: each page's sections as text, checked with the same claims as the PDF pages they mirror.</summary>
public sealed partial class ClaimsChecker
{
    /// <summary>
    /// Checks one page of the web edition (qp report html): an authority's page (NNN_Name.html) as its pack — the targets tile,
    /// then each indicator's section as its page — and england.html as the national overview; every page for the SYNTHETIC mark.
    /// </summary>
    public void CheckWebPage(string path)
    {
        var name = Path.GetFileName(path);
        var html = File.ReadAllText(path);
        var sections = Sections(html);
        var whole = Plain(html);
        var e = Figures(whole.Contains("Published edition", StringComparison.Ordinal));
        CheckSynthetic(name, [("page", whole)]);
        bool national = name.Equals("england.html", StringComparison.OrdinalIgnoreCase);
        int? la = int.TryParse(name.Split('_')[0], NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : null;
        if (!national && la is null) return;
        if (la is { } authority && sections.GetValueOrDefault("summary") is { } summary)
            CheckTargetTile(e, $"{name} summary", summary, e.TargetCounts(_stored.Catalogue.Select(d => (d, e.Result(d.Id, authority)))));
        foreach (var d in _stored.Catalogue)
        {
            if (sections.GetValueOrDefault(d.Id.ToLowerInvariant()) is not { } text) continue;
            var where = $"{name} section {d.Id}";
            if (national) CheckNationalIndicator(e, d, where, text);
            else CheckIndicatorPage(e, d, e.Result(d.Id, la!.Value), where, text);
        }
    }

    // Each <section> by the id of the heading that names it, as text.
    private static Dictionary<string, string> Sections(string html)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = SectionStart().Matches(html).ToList();
        for (int i = 0; i < starts.Count; i++)
        {
            int end = i + 1 < starts.Count ? starts[i + 1].Index : html.Length;
            found[starts[i].Groups[1].Value] = Plain(html[starts[i].Index..end]);
        }
        return found;
    }

    /// <summary>What a page says: its text without tags, styles or scripts, entities decoded, whitespace collapsed.</summary>
    public static string Plain(string html) =>
        string.Join(' ', WebUtility.HtmlDecode(Tag().Replace(NotText().Replace(html, " "), " ")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"<section[^>]*aria-labelledby=""([^""]+)""")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"<(style|script)[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex NotText();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
