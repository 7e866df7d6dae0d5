using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Render.Pdf.Tests.Fixtures;

/// <summary>
/// A store shaped like England: every authority in templates/authorities.csv, the seven indicators, a span of years,
/// ten neighbours each, and plausible figures from a seeded generator — for the all-packs benchmark and the --all tests.
/// The "results" are made-up test data (ranks and quartiles derived here as compute would store them), not a model of compute.
/// </summary>
public static class SyntheticStore
{
    private static readonly (string Id, double Level, double? Target, bool LowerIsBetter)[] Indicators =
    [
        ("A1", 17, 16, true), ("A2", 45, 50, false), ("A3", 15, null, true), ("B7", 70, null, false),
        ("C23", 6, null, false), ("D78", 50, null, false), ("HA", 75, null, false),
    ];

    public static void Build(string path, int fromYear, int toYear, int seed = 7)
    {
        using var conn = QpDatabase.Open(path);
        var authorities = PackStore.AllAuthorities();
        AuthorityStore.ReplaceAuthorities(conn, authorities);
        var codes = authorities.Select(a => a.Code).ToList();
        var neighbours = new List<StatisticalNeighbour>();
        for (int i = 0; i < codes.Count; i++)
            for (int k = 1; k <= 10; k++)
                neighbours.Add(new StatisticalNeighbour(codes[i], k, codes[(i + k * 7) % codes.Count], "Close"));
        AuthorityStore.ReplaceNeighbours(conn, neighbours);

        var rng = new Random(seed);
        var results = new List<IndicatorResult>();
        var national = new List<NationalResult>();
        foreach (var (id, level, target, lower) in Indicators)
        for (int year = fromYear; year <= toYear; year++)
        {
            var rows = codes.Select(la =>
            {
                int den = id == "A2" ? rng.Next(4, 80) : rng.Next(40, 900);
                double p = Math.Clamp(level + (rng.NextDouble() - 0.5) * level, 0.5, 99) / 100;
                int num = (int)Math.Round(den * p);
                return (la, num, den, value: Math.Round(100.0 * num / den, 1));
            }).ToList();
            var ordered = rows.OrderBy(r => lower ? r.value : -r.value).ToList();
            var sorted = rows.Select(r => r.value).Order().ToList();
            long sn = rows.Sum(r => (long)r.num), sd = rows.Sum(r => (long)r.den);
            double england = Math.Round(100.0 * sn / sd, 1);
            double? tv = target is { } t && year >= 2001 ? t : null;
            foreach (var r in rows)
            {
                int rank = ordered.FindIndex(o => o.value == r.value) + 1;
                var met = tv is null ? TargetStatus.NoTarget : (lower ? r.value <= tv : r.value >= tv) ? TargetStatus.Met : TargetStatus.NotMet;
                results.Add(new IndicatorResult
                {
                    Indicator = id, LaCode = r.la, Year = year, Source = ResultSource.ChildLevel, Numerator = r.num, Denominator = r.den,
                    Value = r.value, Ci95Lower = Math.Max(0, r.value - 4), Ci95Upper = Math.Min(100, r.value + 4), Rank = rank, RankOf = rows.Count,
                    QuartileBand = "ABCD"[Math.Min(3, 4 * (rank - 1) / rows.Count)].ToString(), PafBand = 5 - Math.Min(4, 5 * (rank - 1) / rows.Count),
                    VsEngland = Math.Abs(r.value - england) < 4 ? VsEngland.Similar : (r.value < england) == lower ? VsEngland.Better : VsEngland.Worse,
                    SnAverage = Math.Round(england + (rng.NextDouble() - 0.5) * 6, 1), RegionAverage = england, TypeAverage = england,
                    ChangePp = year > fromYear ? Math.Round((rng.NextDouble() - 0.5) * 4, 1) : null,
                    Trend = year - fromYear >= 4 ? Trend.NoSignificantChange : Trend.CannotBeCalculated,
                    TargetValue = tv, TargetStatus = met, TargetDistance = tv is null ? null : Math.Round(lower ? tv.Value - r.value : r.value - tv.Value, 1),
                });
            }
            national.Add(new NationalResult
            {
                Indicator = id, Year = year, Numerator = sn, Denominator = sd, Value = england, Authorities = rows.Count, TargetValue = tv,
                Q1 = sorted[sorted.Count / 4], Median = sorted[sorted.Count / 2], Q3 = sorted[3 * sorted.Count / 4],
                Trend = year - fromYear >= 4 ? Trend.NoSignificantChange : Trend.CannotBeCalculated,
            });
        }
        ResultsStore.ReplaceAll(conn, results, national);
    }
}
