using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Store;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Qp.Claims;

/// <summary>
/// Reads back what the packs and workbooks say and checks each generated statement against the edition's figures, decided
/// afresh from the store: target status, rank and band with their ties, the comparison with England, trend words, neighbour
/// averages and how many figures they rest on, England's figure and its basis, and the SYNTHETIC marking.
/// </summary>
public sealed partial class ClaimsChecker
{
    private readonly ReportData _stored;
    private readonly int _year;
    private readonly ConcurrentDictionary<bool, EditionFigures> _editions = new();
    private readonly ConcurrentDictionary<(string Indicator, string Value), bool> _englandSeen = new();

    /// <summary>A checker for outputs of <paramref name="year"/> made from <paramref name="stored"/> (as loaded from the store, before any edition is decided).</summary>
    public ClaimsChecker(ReportData stored, int year)
    {
        _stored = stored;
        _year = year;
    }

    /// <summary>What was found so far.</summary>
    public ClaimsReport Report { get; } = new();

    private EditionFigures Figures(bool published) => _editions.GetOrAdd(published, p => new EditionFigures(_stored.ForEdition(p), _year));

    /// <summary>Checks one authority's pack; its authority is read from the file name (NNN_Name.pdf).</summary>
    public void CheckAuthorityPack(string path)
    {
        var name = Path.GetFileName(path);
        if (!int.TryParse(name.Split('_')[0], NumberStyles.None, CultureInfo.InvariantCulture, out int la))
            throw new ArgumentException($"{name}: a pack's file name starts with its authority code, e.g. 805_Hartlepool.pdf", nameof(path));
        var pages = ReadPdf(path);
        var e = Figures(IsPublished(pages));
        CheckSynthetic(name, pages.Select((p, i) => ($"page {i + 1}", p)));

        // The summary's first tile: targets due, met and withheld.
        var expected = e.TargetCounts(_stored.Catalogue.Select(d => (d, e.Result(d.Id, la))));
        if (pages.Count > 1) CheckTargetTile(e, $"{name} page 2", pages[1], expected);

        for (int i = 0; i < _stored.Catalogue.Count && 2 + i < pages.Count; i++)
        {
            var d = _stored.Catalogue[i];
            CheckIndicatorPage(e, d, e.Result(d.Id, la), $"{name} page {3 + i} ({d.Id})", pages[2 + i]);
        }
    }

    /// <summary>Checks the national overview: England's figure per indicator and how many authorities met each target.</summary>
    public void CheckNationalPack(string path)
    {
        var name = Path.GetFileName(path);
        var pages = ReadPdf(path);
        var e = Figures(IsPublished(pages));
        CheckSynthetic(name, pages.Select((p, i) => ($"page {i + 1}", p)));
        for (int i = 0; i < _stored.Catalogue.Count && 2 + i < pages.Count; i++)
            CheckNationalIndicator(e, _stored.Catalogue[i], $"{name} page {3 + i} ({_stored.Catalogue[i].Id})", pages[2 + i]);
    }

    // One indicator of the national overview: England's figure and basis, and how many authorities met the target.
    private void CheckNationalIndicator(EditionFigures e, IndicatorDefinition d, string where, string text)
    {
        CheckEnglandSentences(e, d, text, where);
        if (MetSentence().Match(text) is { Success: true } met)
        {
            var all = e.All(d.Id).Select(r => (d, (IndicatorResult?)r)).ToList();
            var c = e.TargetCounts(all);
            int saidMet = ReadCount(met.Groups["met"].Value, met.Groups["due"].Value), saidDue = ReadDue(met);
            bool mentionsWithheld = text.Contains("withheld", StringComparison.Ordinal);
            Report.Check(ClaimKind.Target, saidMet == c.Met && saidDue == c.Due && (c.Withheld == 0 || mentionsWithheld), where,
                () => $"says \"{met.Value}\"; the figures give {c.Met} of {c.Due} due and shown, {c.Withheld} withheld{(c.Withheld > 0 && !mentionsWithheld ? " (not mentioned)" : "")}");
        }
    }

    private void CheckTargetTile(EditionFigures e, string where, string page, TargetCount expected)
    {
        if (NoTargets().IsMatch(page))
        {
            Report.Check(ClaimKind.Target, expected.Due == 0 && expected.Withheld == 0, where,
                () => $"says \"None – No targets are due this year\"; {expected.Due} due and shown, {expected.Withheld} due and withheld");
            return;
        }
        if (TargetTile().Match(page) is { Success: true } m)
        {
            int met = int.Parse(m.Groups["met"].Value, CultureInfo.InvariantCulture), due = int.Parse(m.Groups["due"].Value, CultureInfo.InvariantCulture);
            int withheld = m.Groups["w1"].Success ? int.Parse(m.Groups["w1"].Value, CultureInfo.InvariantCulture)
                : m.Groups["w2"].Success ? int.Parse(m.Groups["w2"].Value, CultureInfo.InvariantCulture) : 0;
            Report.Check(ClaimKind.Target, (met, due, withheld) == (expected.Met, expected.Due, expected.Withheld), where,
                () => $"says \"{m.Value}\"; the figures give {expected.Met} of {expected.Due} met, {expected.Withheld} withheld");
            return;
        }
        if (AllWithheld().Match(page) is { Success: true } w)
        {
            int n = w.Groups["n"].Success ? int.Parse(w.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
            Report.Check(ClaimKind.Target, expected.Due == 0 && expected.Withheld == n, where,
                () => $"says \"{w.Value}\"; the figures give {expected.Due} due and shown, {expected.Withheld} withheld");
            return;
        }
        Report.Check(ClaimKind.Target, false, where, () => "no targets tile found");
    }

    private void CheckIndicatorPage(EditionFigures e, IndicatorDefinition d, IndicatorResult? r, string where, string page)
    {
        var england = e.England(d.Id);
        bool hidden = r is not null && e.Edition.Hides(r, Withheld.Percent);
        bool due = d.Targets.Any(t => t.FromYear <= _year);

        // England: every England figure on the page is the edition's, and the page says what it is built from.
        CheckEnglandSentences(e, d, page, where);

        // Comparison with England.
        if (VersusEngland().Match(page) is { Success: true } vs)
        {
            var said = vs.Groups[1].Value switch { "better than" => VsEngland.Better, "worse than" => VsEngland.Worse, _ => VsEngland.Similar };
            Report.Check(ClaimKind.VsEngland, r is not null && !hidden && r.VsEngland == said, where,
                () => $"says \"{vs.Value}\"; the figures give {(r is null ? "no result" : hidden ? "a withheld figure" : r.VsEngland.ToString())}");
            CheckEngland(e, d, vs.Groups[2].Value, page, where);
        }

        // Target status.
        if (due && r is not null && (hidden || e.Edition.Hides(r, Withheld.Target)))
            Report.Check(ClaimKind.Target, page.Contains("withheld (c)", StringComparison.Ordinal) || page.Contains("target status is withheld", StringComparison.Ordinal), where,
                () => "the target is due and its status withheld, but the page does not say so");
        else if (MeetingTarget().Match(page) is { Success: true } t)
        {
            var said = t.Groups[1].Success ? TargetStatus.NotMet : TargetStatus.Met;
            Report.Check(ClaimKind.Target, r is not null && r.TargetStatus == said, where, () => $"says \"{t.Value}\"; the stored status is {r?.TargetStatus}");
        }

        if (r is null || hidden) return;

        // Rank and band, with the tie they rest on.
        int tied = e.Tied(r);
        if (RankSentence().Match(page) is { Success: true } rank)
        {
            int n = int.Parse(rank.Groups["rank"].Value, CultureInfo.InvariantCulture), of = int.Parse(rank.Groups["of"].Value, CultureInfo.InvariantCulture);
            bool saysTie = rank.Groups["joint"].Success;
            Report.Check(ClaimKind.Rank, n == r.Rank && of == r.RankOf && saysTie == (tied > 1), where,
                () => $"says \"{rank.Value}\"; the figures give rank {r.Rank} of {r.RankOf}, shared by {tied}");
        }
        if (Band().Match(page) is { Success: true } band)
        {
            bool saysTie = page.Contains("rest on a tie", StringComparison.Ordinal);
            Report.Check(ClaimKind.Band, band.Groups[1].Value == r.QuartileBand && saysTie == (tied > 1), where,
                () => $"says \"{band.Value}\"{(saysTie ? " on a tie" : "")}; the figures give band {r.QuartileBand}, its figure shared by {tied} authorities");
        }

        // The neighbour average and how many figures it rests on.
        var basis = e.Edition.AverageBases(r).Neighbours;
        if (AverageSentence().Match(page) is { Success: true } avg)
        {
            bool counted = avg.Groups["n"].Success;
            int n = counted ? int.Parse(avg.Groups["n"].Value, CultureInfo.InvariantCulture) : -1;
            Report.Check(ClaimKind.Average, counted && n == basis.Used && basis.Used >= 2 && avg.Groups["v"].Value == Qp.Domain.Statements.Words.Percent(r.SnAverage), where,
                () => $"says \"{avg.Value}\"; it rests on {basis.Used} shown neighbour figure(s) of {basis.Of}, average {Qp.Domain.Statements.Words.Percent(r.SnAverage)}" +
                      (counted ? "" : " (the sentence does not say how many)"));
        }
        else if (OneOrNoNeighbour().Match(page) is { Success: true } none)
        {
            int said = none.Groups[1].Value == "Only one" ? 1 : 0;
            Report.Check(ClaimKind.Average, said == basis.Used, where, () => $"says \"{none.Value}\"; {basis.Used} neighbour figure(s) are shown");
        }

        // The five-year trend.
        if (TrendSentence().Match(page) is { Success: true } trend)
        {
            var said = trend.Value switch
            {
                var s when s.Contains("risen", StringComparison.Ordinal) => Trend.Increasing,
                var s when s.Contains("fallen", StringComparison.Ordinal) => Trend.Decreasing,
                var s when s.Contains("no statistically", StringComparison.Ordinal) => Trend.NoSignificantChange,
                _ => Trend.CannotBeCalculated,
            };
            bool withheld = e.Edition.Hides(r, Withheld.Trend);
            bool saysWithheld = trend.Value.Contains("not published", StringComparison.Ordinal);
            Report.Check(ClaimKind.Trend, withheld ? saysWithheld : !saysWithheld && said == r.Trend, where,
                () => $"says \"{trend.Value}\"; the figures give {(withheld ? "a withheld trend" : r.Trend.ToString())}");
        }
    }

    // "England's figure was 15.0%" (or '–', none stored) and "England's figure is withheld (c)".
    private void CheckEnglandSentences(EditionFigures e, IndicatorDefinition d, string page, string where)
    {
        foreach (Match m in EnglandFigure().Matches(page)) CheckEngland(e, d, m.Groups[1].Value, page, where);
        foreach (Match _ in EnglandWithheld().Matches(page)) CheckEngland(e, d, DisclosureControl.Suppressed, page, where);
    }

    private void CheckEngland(EditionFigures e, IndicatorDefinition d, string said, string page, string where)
    {
        // Withheld is c, never '–' (which says no England figure is stored).
        var expected = e.Edition.HidesEngland(d.Id, _year) ? DisclosureControl.Suppressed : Qp.Domain.Statements.Words.Percent(e.England(d.Id)?.Value);
        bool labelled = page.Contains(e.Edition.Published ? "rounded counts" : "exact counts", StringComparison.Ordinal);
        _englandSeen[(d.Id, said)] = labelled;
        Report.Check(ClaimKind.England, said == expected && labelled, where,
            () => $"England {said}; this edition's England figure is {expected}{(labelled ? "" : ", and the page does not say what it is built from")}");
    }

    /// <summary>After every output is read: an indicator shown with two different England figures must label both with their basis.</summary>
    public void CheckOneEnglandPerIndicator()
    {
        foreach (var g in _englandSeen.GroupBy(kv => kv.Key.Indicator))
        {
            var values = g.Select(kv => kv.Key.Value).Distinct().ToList();
            Report.Check(ClaimKind.England, values.Count == 1 || g.All(kv => kv.Value), $"all outputs ({g.Key})",
                () => $"England's {g.Key} is shown as {string.Join(" and ", values)} without saying what each is built from");
        }
    }

    private void CheckSynthetic(string file, IEnumerable<(string Where, string Text)> parts)
    {
        if (!_stored.Synthetic) return;
        foreach (var (where, text) in parts)
            Report.Check(ClaimKind.Synthetic, text.Contains(Qp.Domain.Statements.EditionText.SyntheticMark, StringComparison.Ordinal), $"{file} {where}",
                () => "made from synthetic data but does not say SYNTHETIC");
    }

    private static bool IsPublished(IReadOnlyList<string> pages) => pages.Any(p => p.Contains("Published edition", StringComparison.Ordinal));

    private static int ReadCount(string met, string due) => met switch
    {
        "All" => int.Parse(due, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
        "None" or "did not meet" => 0,
        "met" => 1,
        _ => int.Parse(met, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
    };

    private static int ReadDue(Match m) => m.Groups["due"].Success && m.Groups["due"].Value.Length > 0
        ? int.Parse(m.Groups["due"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 1;

    /// <summary>Each page's text, whitespace collapsed so that wrapped sentences read whole.</summary>
    public static IReadOnlyList<string> ReadPdf(string path)
    {
        using var doc = PdfDocument.Open(path);
        return doc.GetPages().Select(p => string.Join(' ', ContentOrderTextExtractor.GetText(p).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    [GeneratedRegex(@"No targets are due this year")]
    private static partial Regex NoTargets();

    [GeneratedRegex(@"(?<met>\d+) of (?<due>\d+) targets? due this year met(?: \((?<w1>\d+) withheld\)|; (?<w2>\d+) more withheld)?")]
    private static partial Regex TargetTile();

    [GeneratedRegex(@"The one target due this year is withheld|All (?<n>\d+) targets due this year are withheld")]
    private static partial Regex AllWithheld();

    [GeneratedRegex(@"England's figure was (\d+\.\d%|–)")]
    private static partial Regex EnglandFigure();

    [GeneratedRegex(@"England's figure (?:for \d{4}-\d{2} )?is withheld \(c\)")]
    private static partial Regex EnglandWithheld();

    [GeneratedRegex(@"(better than|worse than|similar to) England \((\d+\.\d%|–)\)")]
    private static partial Regex VersusEngland();

    [GeneratedRegex(@"and (not )?meeting the target")]
    private static partial Regex MeetingTarget();

    [GeneratedRegex(@"It ranks (?<joint>joint )?(?<rank>\d+)(?:st|nd|rd|th) of (?<of>\d+) authorities")]
    private static partial Regex RankSentence();

    [GeneratedRegex(@"quartile band ([A-D])")]
    private static partial Regex Band();

    [GeneratedRegex(@"average of (?:the (?<n>\d+) statistical neighbours with a figure shown|its statistical neighbours) was (?<v>\d+\.\d%)")]
    private static partial Regex AverageSentence();

    [GeneratedRegex(@"(Only one|No) statistical neighbour has a figure shown")]
    private static partial Regex OneOrNoNeighbour();

    [GeneratedRegex(@"Over the last five years the figure has (?:risen|fallen) significantly\.|Over the last five years there has been no statistically significant change\.|There are fewer than five consecutive years of figures, so no trend can be tested\.|The five-year trend is not published")]
    private static partial Regex TrendSentence();

    [GeneratedRegex(@"(?:(?<met>\d[\d,]*) of the (?<due>\d[\d,]*)|(?<met>All) (?<due>\d[\d,]*)|(?<met>None) of the (?<due>\d[\d,]*)) authorities with a target due(?: and shown)? met it|The one authority with a target due(?: and shown)? (?<met>met|did not meet) it")]
    private static partial Regex MetSentence();
}
