using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statistics;

namespace Qp.Compute;

/// <summary>Computes every stored figure of SPEC §5 for one indicator and year from the merged figures: no I/O.</summary>
/// <param name="Authorities">Every authority, by code (for region and type averages).</param>
/// <param name="Neighbours">Each authority's statistical neighbour codes.</param>
/// <param name="Figures">The merged figures of every year (earlier years give the change and the trend).</param>
public sealed record IndicatorStatistics(
    IReadOnlyDictionary<int, Authority> Authorities, IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours, MergedFigures Figures)
{
    /// <summary>The authority results and the England result for <paramref name="definition"/> in <paramref name="year"/>.</summary>
    public (IReadOnlyList<IndicatorResult> Results, NationalResult National) Compute(IndicatorDefinition definition, int year, AggregateFigure? publishedNational)
    {
        string id = definition.Id;
        var figures = Figures.For(id, year).Where(kv => Authorities.ContainsKey(kv.Key)).OrderBy(kv => kv.Key).ToList();
        var valued = figures.Where(kv => kv.Value.Value is not null).ToList();
        long num = valued.Sum(kv => (long)kv.Value.Numerator!.Value), den = valued.Sum(kv => (long)kv.Value.Denominator!.Value);
        double? england = Percent.Of(num, den);
        var values = valued.Select(kv => kv.Value.Value!.Value).ToList();
        var quartiles = Quartiles.Of(values);
        var ranks = Ranking.Ranks(values, definition.Polarity);
        var rankOf = valued.Select((kv, i) => (kv.Key, Rank: ranks[i])).ToDictionary(x => x.Key, x => x.Rank);
        var thresholds = Ranking.BandThresholds(definition.BandThresholds, values);
        var regionAverage = GroupAverage(valued, a => a.Region);
        var typeAverage = GroupAverage(valued, a => a.Type);

        var results = new List<IndicatorResult>(figures.Count);
        foreach (var (la, f) in figures)
        {
            var ci95 = f.Value is null ? null : Wilson.Ci95(f.Numerator!.Value, f.Denominator!.Value);
            var ci998 = f.Value is null ? null : Wilson.Ci998(f.Numerator!.Value, f.Denominator!.Value);
            var trend = TrendTest.Test(Series(year, yr => Figures.Get(id, yr, la)?.Counts(yr)), year);
            var target = Targets.Evaluate(definition.Targets, year, f.Value, by => Figures.Get(id, by, la)?.Value);
            var authority = Authorities[la];
            results.Add(new IndicatorResult
            {
                Indicator = id, LaCode = la, Year = year, Source = f.Source,
                Numerator = f.Numerator, Denominator = f.Denominator, Value = f.Value,
                Ci95Lower = ci95?.Lower, Ci95Upper = ci95?.Upper, Ci998Lower = ci998?.Lower, Ci998Upper = ci998?.Upper,
                Rank = f.Value is null ? null : rankOf[la], RankOf = f.Value is null ? null : values.Count,
                QuartileBand = f.Value is { } v && quartiles is not null ? quartiles.Band(v, definition.Polarity) : null,
                PafBand = f.Value is { } pv && thresholds is not null ? Ranking.PafBand(pv, thresholds, definition.Polarity) : null,
                VsEngland = VsEnglandRule.Compare(f.Value, ci95, england, definition.Polarity),
                SnAverage = NeighbourAverage(id, year, la),
                RegionAverage = regionAverage.GetValueOrDefault(authority.Region),
                TypeAverage = typeAverage.GetValueOrDefault(authority.Type),
                ChangePp = f.Value - Figures.Get(id, year - 1, la)?.Value,
                Trend = trend.Trend, TrendChi2 = trend.Chi2,
                TargetValue = target.Value, TargetStatus = target.Status, TargetDistance = target.Distance,
            });
        }

        var national = new NationalResult
        {
            Indicator = id, Year = year, Numerator = num, Denominator = den, Value = england,
            PublishedValue = publishedNational is null ? null : Percent.Of(publishedNational.Numerator, publishedNational.Denominator) ?? publishedNational.Value,
            Q1 = quartiles?.Q1, Median = quartiles?.Median, Q3 = quartiles?.Q3, Authorities = values.Count,
            TargetValue = definition.Targets.Where(t => t.FromYear <= year && t.Kind != TargetKind.RelativeReduction).MaxBy(t => t.FromYear)?.Value,
            Trend = TrendTest.Test(Series(year, yr => EnglandCounts(id, yr)), year).Trend,
        };
        return (results, national);
    }

    // England's counts for a year: Σ over authorities with both counts; null when none has them.
    private YearCounts? EnglandCounts(string id, int year)
    {
        var counts = Figures.For(id, year).Where(kv => Authorities.ContainsKey(kv.Key)).Select(kv => kv.Value.Counts(year)).OfType<YearCounts>().ToList();
        return counts.Count == 0 ? null : new YearCounts(year, counts.Sum(c => c.Numerator), counts.Sum(c => c.Denominator));
    }

    // The five years ending `year` of one series, for the trend test.
    private static Dictionary<int, YearCounts> Series(int year, Func<int, YearCounts?> counts)
    {
        var series = new Dictionary<int, YearCounts>();
        for (int y = year - TrendTest.Years + 1; y <= year; y++)
            if (counts(y) is { } c) series[y] = c;
        return series;
    }

    // Plain mean of the neighbours' values, ignoring neighbours without one (SPEC §5).
    private double? NeighbourAverage(string id, int year, int la)
    {
        if (!Neighbours.TryGetValue(la, out var codes)) return null;
        var values = codes.Select(c => Figures.Get(id, year, c)?.Value).OfType<double>().ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    // Σ numerators / Σ denominators of the authorities in each group (region or type).
    private Dictionary<string, double> GroupAverage(IEnumerable<KeyValuePair<int, Figure>> valued, Func<Authority, string> group) =>
        valued.GroupBy(kv => group(Authorities[kv.Key]))
            .ToDictionary(g => g.Key, g => Percent.Of(g.Sum(kv => (long)kv.Value.Numerator!.Value), g.Sum(kv => (long)kv.Value.Denominator!.Value))!.Value);
}
