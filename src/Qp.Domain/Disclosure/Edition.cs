using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statistics;

namespace Qp.Domain.Disclosure;

/// <summary>Which of an authority's figures for one indicator and year an edition withholds (shows as 'c').</summary>
[Flags]
public enum Withheld
{
    /// <summary>Everything is shown.</summary>
    None = 0,

    /// <summary>The numerator.</summary>
    Numerator = 1,

    /// <summary>The percentage and everything that would reveal it: interval, rank, quartile and PAF bands, comparison with England, target status and distance.</summary>
    Percent = 2,

    /// <summary>The change from the year before (this or that year's percentage is hidden).</summary>
    Change = 4,

    /// <summary>The five-year trend and its χ² (one of the five years is hidden).</summary>
    Trend = 8,

    /// <summary>The target value, status and distance (the target is set from a hidden baseline year).</summary>
    Target = 16,

    /// <summary>The denominator: it is 1 or 2 beside a hidden numerator, which it would narrow to fewer than three values.</summary>
    Denominator = 32,
}

/// <summary>Why a cell is withheld, for the disclosure report a statistician signs off.</summary>
public enum SuppressionReason
{
    /// <summary>Primary: the numerator is 1 to 5.</summary>
    SmallNumerator,

    /// <summary>Primary: the denominator is under 10.</summary>
    SmallDenominator,

    /// <summary>Secondary: a change from the year before, where either year is hidden.</summary>
    Change,

    /// <summary>Secondary: a five-year trend with a hidden year.</summary>
    Trend,

    /// <summary>Secondary: a denominator of 1 or 2 beside a hidden numerator.</summary>
    TinyDenominator,

    /// <summary>Secondary: a target (with status and distance) set from a hidden baseline year.</summary>
    TargetBaseline,

    /// <summary>Secondary: a regional total that would narrow a hidden count (or a hidden denominator's numerator) to fewer than three values.</summary>
    RegionTotal,

    /// <summary>Secondary: the England total, likewise.</summary>
    EnglandTotal,
}

/// <summary>How many cells of one indicator and year were withheld for one reason.</summary>
/// <param name="Indicator">The indicator's identifier.</param>
/// <param name="Year">The collection year.</param>
/// <param name="Reason">Why.</param>
/// <param name="Cells">How many cells.</param>
public sealed record SuppressionCount(string Indicator, int Year, SuppressionReason Reason, int Cells)
{
    /// <summary>Whether the reason is secondary suppression (protecting another hidden figure) rather than a primary rule.</summary>
    public bool Secondary => Reason is not (SuppressionReason.SmallNumerator or SuppressionReason.SmallDenominator);
}

/// <summary>A regional total of one indicator and year as the edition shows it.</summary>
/// <param name="Indicator">The indicator's identifier.</param>
/// <param name="Year">The collection year.</param>
/// <param name="Region">The region's name.</param>
/// <param name="Numerator">Σ numerators (rounded to 10 when published); null when withheld or no member has counts.</param>
/// <param name="Denominator">Σ denominators (rounded to 10 when published); null when withheld or no member has counts.</param>
/// <param name="Value">The percentage (from the rounded counts when published); null when withheld or not computable.</param>
/// <param name="Withheld">Whether the total is withheld as 'c' (secondary suppression).</param>
public sealed record AreaTotal(string Indicator, int Year, string Region, long? Numerator, long? Denominator, double? Value, bool Withheld);

/// <summary>How many values a comparator average used, and of how many members.</summary>
/// <param name="Used">Values averaged (those shown in a published edition).</param>
/// <param name="Of">Members with a value.</param>
public readonly record struct AverageBasis(int Used, int Of);

/// <summary>What an edition is decided from: the stored figures and the public reference data.</summary>
/// <param name="Catalogue">The indicator definitions.</param>
/// <param name="Authorities">Every authority, by code.</param>
/// <param name="Neighbours">Each authority's statistical neighbours.</param>
/// <param name="Results">Every stored authority result.</param>
/// <param name="National">Every stored England result.</param>
public sealed record EditionInput(
    IReadOnlyList<IndicatorDefinition> Catalogue,
    IReadOnlyDictionary<int, Authority> Authorities,
    IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours,
    IReadOnlyList<IndicatorResult> Results,
    IReadOnlyList<NationalResult> National);

/// <summary>
/// The one disclosure decision of an edition (SPEC §6): cell by cell, what is shown. Every renderer reads the edition's
/// <see cref="Results"/> and <see cref="National"/> (withheld figures are not in them at all) and asks <see cref="Of(IndicatorResult)"/>
/// whether a missing figure is to be printed 'c'. An unpublished edition (returns to central government) shows everything as stored.
/// </summary>
/// <remarks>
/// Method: primary rules on each authority's counts; figures derived from a hidden one hidden with it (change, trend, a target
/// from a hidden baseline); ranks, quartiles, bands and comparator averages recomputed over the shown figures only, so they carry
/// nothing of a hidden one; England and regional counts rounded to 10 with percentages from the rounded counts, and a total
/// withheld when, with the shown counts beside it, it would leave a hidden count fewer than three possible values.
/// </remarks>
public sealed class Edition
{
    private readonly Dictionary<(string, int, int), Withheld> _withheld = new();
    private readonly Dictionary<(string, int, int), (AverageBasis Sn, AverageBasis Region, AverageBasis Type)> _bases = new();
    private readonly HashSet<(string, int)> _englandWithheld = [];
    private readonly HashSet<(string, int)> _englandDenominatorWithheld = [];
    private readonly Dictionary<(string, int, string), AreaTotal> _regions = new();
    private readonly Dictionary<(string, int, SuppressionReason), int> _counts = new();

    private Edition(bool published) => Published = published;

    /// <summary>Whether disclosure control applies (a published edition).</summary>
    public bool Published { get; }

    /// <summary>Every authority result as the edition shows it: withheld figures removed, comparators, ranks and bands over shown figures.</summary>
    public IReadOnlyList<IndicatorResult> Results { get; private set; } = [];

    /// <summary>Every England result as the edition shows it: rounded counts, percentage from them, quartiles over shown figures.</summary>
    public IReadOnlyList<NationalResult> National { get; private set; } = [];

    /// <summary>Every regional total, per indicator and year, as the edition shows it.</summary>
    public IReadOnlyList<AreaTotal> Regions => _regions.Values.OrderBy(r => r.Indicator, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.Region, StringComparer.Ordinal).ToList();

    /// <summary>How many cells were withheld, per indicator, year and reason (empty for an unpublished edition).</summary>
    public IReadOnlyList<SuppressionCount> Suppressions =>
        _counts.Select(kv => new SuppressionCount(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value))
            .OrderBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => c.Year).ThenBy(c => c.Reason).ToList();

    /// <summary>What the edition withholds of an authority's figures for an indicator and year.</summary>
    public Withheld Of(string indicator, int year, int laCode) => _withheld.GetValueOrDefault((indicator, year, laCode));

    /// <summary>What the edition withholds of <paramref name="r"/>.</summary>
    public Withheld Of(IndicatorResult r) => Of(r.Indicator, r.Year, r.LaCode);

    /// <summary>Whether the edition withholds <paramref name="part"/> of <paramref name="r"/>.</summary>
    public bool Hides(IndicatorResult r, Withheld part) => (Of(r) & part) != 0;

    /// <summary>Whether England's count and percentage for an indicator and year are withheld.</summary>
    public bool HidesEngland(string indicator, int year) => _englandWithheld.Contains((indicator, year));

    /// <summary>Whether England's denominator for an indicator and year is withheld too (it would give a hidden denominator away).</summary>
    public bool HidesEnglandDenominator(string indicator, int year) => _englandDenominatorWithheld.Contains((indicator, year));

    /// <summary>A region's total for an indicator and year, or null when no authority of the region has a result.</summary>
    public AreaTotal? Region(string indicator, int year, string region) => _regions.GetValueOrDefault((indicator, year, region));

    /// <summary>How many values the neighbour, region and type averages of <paramref name="r"/> used.</summary>
    public (AverageBasis Neighbours, AverageBasis Region, AverageBasis Type) AverageBases(IndicatorResult r) =>
        _bases.GetValueOrDefault((r.Indicator, r.Year, r.LaCode));

    /// <summary>The edition for <paramref name="input"/>: published (disclosure control applied) or not.</summary>
    public static Edition For(EditionInput input, bool publish) => publish ? Publish(input) : Unpublished(input);

    /// <summary>An unpublished edition: every stored figure shown; regional totals are exact sums.</summary>
    public static Edition Unpublished(EditionInput input)
    {
        var e = new Edition(false) { Results = input.Results, National = input.National };
        foreach (var g in input.Results.GroupBy(r => (r.Indicator, r.Year)))
        {
            foreach (var region in g.Where(r => input.Authorities.ContainsKey(r.LaCode)).GroupBy(r => input.Authorities[r.LaCode].Region))
            {
                var counted = region.Where(r => r.Numerator is not null && r.Denominator is not null).ToList();
                long? num = counted.Count > 0 ? counted.Sum(r => (long)r.Numerator!.Value) : null;
                long? den = counted.Count > 0 ? counted.Sum(r => (long)r.Denominator!.Value) : null;
                e._regions[(g.Key.Indicator, g.Key.Year, region.Key)] = new AreaTotal(g.Key.Indicator, g.Key.Year, region.Key, num, den, Percent.Of(num, den), false);
            }
            foreach (var r in g)
            {
                int Valued(IEnumerable<int> las) => las.Count(la => g.Any(x => x.LaCode == la && x.Value is not null));
                var sn = input.Neighbours.GetValueOrDefault(r.LaCode) ?? [];
                var a = input.Authorities.GetValueOrDefault(r.LaCode);
                int inRegion = a is null ? 0 : g.Count(x => x.Value is not null && input.Authorities.TryGetValue(x.LaCode, out var o) && o.Region == a.Region);
                int inType = a is null ? 0 : g.Count(x => x.Value is not null && input.Authorities.TryGetValue(x.LaCode, out var o) && o.Type == a.Type);
                int nb = Valued(sn);
                e._bases[(r.Indicator, r.Year, r.LaCode)] = (new(nb, nb), new(inRegion, inRegion), new(inType, inType));
            }
        }
        return e;
    }

    /// <summary>A published edition: the primary rules of SPEC §6 and secondary suppression, decided once.</summary>
    public static Edition Publish(EditionInput input)
    {
        var e = new Edition(true);
        var defs = input.Catalogue.ToDictionary(d => d.Id);
        var byKey = input.Results.ToDictionary(r => (r.Indicator, r.Year, r.LaCode));
        bool Primary(IndicatorResult? r) => r is not null && DisclosureControl.SuppressPercent(r.Numerator, r.Denominator);
        void Count(string ind, int year, SuppressionReason reason) => e.Tally(ind, year, reason);

        // 1. Primary rules, then what is derived from a hidden figure of the same authority.
        foreach (var r in input.Results)
        {
            var w = Withheld.None;
            if (Primary(r))
            {
                w |= Withheld.Numerator | Withheld.Percent | Withheld.Change | Withheld.Trend;
                Count(r.Indicator, r.Year, DisclosureControl.SuppressCount(r.Numerator) ? SuppressionReason.SmallNumerator : SuppressionReason.SmallDenominator);
                if (DisclosureControl.SuppressDenominator(r.Numerator, r.Denominator))
                {
                    w |= Withheld.Denominator;
                    Count(r.Indicator, r.Year, SuppressionReason.TinyDenominator);
                }
            }
            else
            {
                if (r.ChangePp is not null && Primary(byKey.GetValueOrDefault((r.Indicator, r.Year - 1, r.LaCode))))
                {
                    w |= Withheld.Change;
                    Count(r.Indicator, r.Year, SuppressionReason.Change);
                }
                if (r.TrendChi2 is not null && Enumerable.Range(r.Year - TrendTest.Years + 1, TrendTest.Years - 1).Any(y => Primary(byKey.GetValueOrDefault((r.Indicator, y, r.LaCode)))))
                {
                    w |= Withheld.Trend;
                    Count(r.Indicator, r.Year, SuppressionReason.Trend);
                }
            }
            if (r.TargetValue is not null && defs.TryGetValue(r.Indicator, out var def)
                && def.Targets.Any(t => t.Kind == TargetKind.RelativeReduction && t.BaselineYear is { } by && Primary(byKey.GetValueOrDefault((r.Indicator, by, r.LaCode)))))
            {
                w |= Withheld.Target;
                Count(r.Indicator, r.Year, SuppressionReason.TargetBaseline);
            }
            if (w != Withheld.None) e._withheld[(r.Indicator, r.Year, r.LaCode)] = w;
        }

        // 2. Per indicator and year: totals (rounded, audited), then every shown figure recomputed over shown figures only.
        var nationals = input.National.ToDictionary(n => (n.Indicator, n.Year));
        var published = new List<IndicatorResult>(input.Results.Count);
        var publishedNational = new Dictionary<(string, int), NationalResult>();
        foreach (var g in input.Results.GroupBy(r => (r.Indicator, r.Year)))
        {
            var def = defs.GetValueOrDefault(g.Key.Indicator);
            var polarity = def?.Polarity ?? Polarity.HigherIsBetter;
            var members = g.Where(r => input.Authorities.ContainsKey(r.LaCode)).ToList();
            var audit = TotalAudit.Numerators(members.Where(r => Primary(r) && r.Numerator is not null && r.Denominator is > 0)
                .Select(r => (r.LaCode, r.Denominator!.Value)));
            bool HiddenDenominator(IndicatorResult r) => (e.Of(r) & Withheld.Denominator) != 0;
            var denominators = TotalAudit.Denominators(members.Where(HiddenDenominator).Select(r => r.LaCode));
            // A rounded total of denominators bounds the hidden ones; withheld when it would rule out 2 for one of them.
            bool DenominatorsSafe(IReadOnlyCollection<IndicatorResult> counted, long rounded)
            {
                long shown = counted.Where(r => !HiddenDenominator(r)).Sum(r => (long)r.Denominator!.Value);
                return denominators.Accept(counted.Where(HiddenDenominator).Select(r => r.LaCode).ToList(), rounded - 5 - shown, rounded + 4 - shown);
            }

            // England first: it is the comparator every page prints.
            var stored = nationals.GetValueOrDefault(g.Key);
            double? englandValue = null;
            if (stored is not null)
            {
                var valued = members.Where(r => r.Value is not null).ToList();
                long shownSum = valued.Where(r => !Primary(r)).Sum(r => (long)r.Numerator!.Value);
                var hidden = valued.Where(Primary).Select(r => r.LaCode).ToList();
                long rounded = DisclosureControl.RoundToTen(stored.Numerator);
                bool withheld = !audit.Accept(hidden, rounded - 5 - shownSum, rounded + 4 - shownSum);
                if (!DenominatorsSafe(valued, DisclosureControl.RoundToTen(stored.Denominator)))
                {
                    withheld = true;
                    e._englandDenominatorWithheld.Add(g.Key);
                }
                if (withheld)
                {
                    e._englandWithheld.Add(g.Key);
                    Count(g.Key.Indicator, g.Key.Year, SuppressionReason.EnglandTotal);
                }
                englandValue = withheld ? null : Percent.Of(rounded, DisclosureControl.RoundToTen(stored.Denominator));
            }

            foreach (var region in members.GroupBy(r => input.Authorities[r.LaCode].Region).OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                var counted = region.Where(r => r.Numerator is not null && r.Denominator is not null).ToList();
                if (counted.Count == 0)
                {
                    e._regions[(g.Key.Indicator, g.Key.Year, region.Key)] = new AreaTotal(g.Key.Indicator, g.Key.Year, region.Key, null, null, null, false);
                    continue;
                }
                long num = DisclosureControl.RoundToTen(counted.Sum(r => (long)r.Numerator!.Value));
                long den = DisclosureControl.RoundToTen(counted.Sum(r => (long)r.Denominator!.Value));
                long shownSum = counted.Where(r => !Primary(r)).Sum(r => (long)r.Numerator!.Value);
                var hidden = counted.Where(r => Primary(r) && r.Denominator > 0).Select(r => r.LaCode).ToList();
                bool withheld = !audit.Accept(hidden, num - 5 - shownSum, num + 4 - shownSum);
                bool denominatorShown = DenominatorsSafe(counted, den);
                if (withheld || !denominatorShown) Count(g.Key.Indicator, g.Key.Year, SuppressionReason.RegionTotal);
                e._regions[(g.Key.Indicator, g.Key.Year, region.Key)] = withheld || !denominatorShown
                    ? new AreaTotal(g.Key.Indicator, g.Key.Year, region.Key, null, denominatorShown ? den : null, null, true)
                    : new AreaTotal(g.Key.Indicator, g.Key.Year, region.Key, num, den, Percent.Of(num, den), false);
            }

            // Shown values only: ranks, quartiles, bands and averages carry nothing of a hidden figure.
            var shown = g.Where(r => !Primary(r) && r.Value is not null).ToList();
            var values = shown.Select(r => r.Value!.Value).ToList();
            var ranks = Ranking.Ranks(values, polarity);
            var rankOf = shown.Select((r, i) => (r.LaCode, ranks[i])).ToDictionary(x => x.LaCode, x => x.Item2);
            var quartiles = Quartiles.Of(values);
            var thresholds = Ranking.BandThresholds(def?.BandThresholds ?? [], values);
            var shownByLa = shown.ToDictionary(r => r.LaCode);
            (double? Value, AverageBasis Basis) Aggregate(Func<Authority, bool> same)
            {
                var inGroup = g.Where(r => r.Value is not null && input.Authorities.TryGetValue(r.LaCode, out var a) && same(a)).ToList();
                var used = inGroup.Where(r => shownByLa.ContainsKey(r.LaCode)).ToList();
                return (Percent.Of(used.Sum(r => (long)r.Numerator!.Value), used.Sum(r => (long)r.Denominator!.Value)), new AverageBasis(used.Count, inGroup.Count));
            }

            foreach (var r in g)
            {
                var w = e.Of(r);
                bool hide = (w & Withheld.Percent) != 0;
                var sn = input.Neighbours.GetValueOrDefault(r.LaCode) ?? [];
                var snValued = sn.Where(la => byKey.GetValueOrDefault((r.Indicator, r.Year, la))?.Value is not null).ToList();
                var snUsed = snValued.Where(shownByLa.ContainsKey).Select(la => shownByLa[la].Value!.Value).ToList();
                var self = input.Authorities.GetValueOrDefault(r.LaCode);
                var region = self is null ? (null, new AverageBasis(0, 0)) : Aggregate(a => a.Region == self.Region);
                var type = self is null ? (null, new AverageBasis(0, 0)) : Aggregate(a => a.Type == self.Type);
                e._bases[(r.Indicator, r.Year, r.LaCode)] = (new AverageBasis(snUsed.Count, snValued.Count), region.Basis, type.Basis);
                bool hideTarget = (w & Withheld.Target) != 0;
                var ci95 = r.Ci95Lower is { } lo && r.Ci95Upper is { } hi ? new Interval(lo, hi) : null;
                published.Add(r with
                {
                    Numerator = (w & Withheld.Numerator) != 0 ? null : r.Numerator,
                    Denominator = (w & Withheld.Denominator) != 0 ? null : r.Denominator,
                    Value = hide ? null : r.Value,
                    Ci95Lower = hide ? null : r.Ci95Lower, Ci95Upper = hide ? null : r.Ci95Upper,
                    Ci998Lower = hide ? null : r.Ci998Lower, Ci998Upper = hide ? null : r.Ci998Upper,
                    Rank = hide || r.Value is null ? null : rankOf[r.LaCode],
                    RankOf = r.Value is null ? null : values.Count,
                    QuartileBand = !hide && r.Value is { } v && quartiles is not null ? quartiles.Band(v, polarity) : null,
                    PafBand = !hide && r.Value is { } pv && thresholds is not null ? Ranking.PafBand(pv, thresholds, polarity) : null,
                    VsEngland = hide ? VsEngland.NotCompared : VsEnglandRule.Compare(r.Value, ci95, englandValue, polarity),
                    SnAverage = snUsed.Count > 0 ? snUsed.Average() : null,
                    RegionAverage = region.Item1,
                    TypeAverage = type.Item1,
                    ChangePp = (w & Withheld.Change) != 0 ? null : r.ChangePp,
                    Trend = (w & Withheld.Trend) != 0 ? Trend.CannotBeCalculated : r.Trend,
                    TrendChi2 = (w & Withheld.Trend) != 0 ? null : r.TrendChi2,
                    TargetValue = hideTarget ? null : r.TargetValue,
                    TargetStatus = hide || hideTarget ? TargetStatus.NoTarget : r.TargetStatus,
                    TargetDistance = hide || hideTarget ? null : r.TargetDistance,
                });
            }

            if (stored is not null)
            {
                bool withheld = e._englandWithheld.Contains(g.Key);
                publishedNational[g.Key] = stored with
                {
                    Numerator = withheld ? 0 : DisclosureControl.RoundToTen(stored.Numerator),
                    Denominator = DisclosureControl.RoundToTen(stored.Denominator),
                    Value = englandValue,
                    Q1 = quartiles?.Q1, Median = quartiles?.Median, Q3 = quartiles?.Q3, Authorities = values.Count,
                };
            }
        }

        // England's trend from the published (rounded) counts, so it too is a function of what is shown.
        foreach (var (key, n) in publishedNational.ToList())
        {
            var series = new Dictionary<int, YearCounts>();
            for (int y = key.Item2 - TrendTest.Years + 1; y <= key.Item2; y++)
                if (publishedNational.GetValueOrDefault((key.Item1, y)) is { Value: not null } p && p.Denominator > 0)
                    series[y] = new YearCounts(y, p.Numerator, p.Denominator);
            publishedNational[key] = n with { Trend = TrendTest.Test(series, key.Item2).Trend };
        }
        // Stored England rows without any authority result stay as stored, rounded.
        foreach (var n in input.National.Where(n => !publishedNational.ContainsKey((n.Indicator, n.Year))))
            publishedNational[(n.Indicator, n.Year)] = n with { Numerator = DisclosureControl.RoundToTen(n.Numerator), Denominator = DisclosureControl.RoundToTen(n.Denominator) };

        e.Results = published;
        e.National = input.National.Select(n => publishedNational[(n.Indicator, n.Year)]).ToList();
        return e;
    }

    private void Tally(string indicator, int year, SuppressionReason reason) =>
        _counts[(indicator, year, reason)] = _counts.GetValueOrDefault((indicator, year, reason)) + 1;
}
