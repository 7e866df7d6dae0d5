using System.Diagnostics;
using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;
using Qp.Domain.Returns;
using Xunit.Abstractions;

namespace Qp.Domain.Tests.Indicators;

/// <summary>
/// Runs every calculator over ten England-sized synthetic returns (1 million episodes) and prints the time taken;
/// it asserts only that each count is a proper cohort count, never a timing (the machine is shared).
/// </summary>
public class CalculatorTimingTests(ITestOutputHelper output)
{
    private static readonly string[] Places = ["U1", "U4", "U5", "U6", "R1", "H5", "A4", "K2", "P1", "T0", "T2", "Q1"];
    private static readonly string[] Moves = ["P", "P", "P", "L", "T", "U", "B"];

    [Fact]
    public void Ten_england_years_of_one_hundred_thousand_episodes_each()
    {
        // One return in memory at a time; only the calculators are timed, not building the synthetic data. The
        // machine is shared, so each return is counted three times (a copy each time, so the shared index is rebuilt)
        // and the fastest run is kept: the least disturbed by other processes.
        long episodes = 0, firstTicks = 0, bestTicks = 0;
        var perIndicator = new Dictionary<string, long>();
        var counts = new List<(string Id, CohortCount Count)>();
        for (int year = 2001; year <= 2010; year++)
        {
            var r = Synthetic(year, episodes: 100_000, seed: year);
            episodes += r.Episodes.Count;
            long best = long.MaxValue;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                var copy = r with { };
                GC.Collect();
                long start = Stopwatch.GetTimestamp();
                ReturnIndex.Of(copy);
                if (attempt == 0) perIndicator["index"] = perIndicator.GetValueOrDefault("index") + Stopwatch.GetTimestamp() - start;
                foreach (var indicator in ChildLevelIndicators.All)
                {
                    long before = Stopwatch.GetTimestamp();
                    var count = indicator.Count(copy, ChildHistory.None);
                    if (attempt > 0) continue;
                    counts.Add((indicator.Id, count));
                    perIndicator[indicator.Id] = perIndicator.GetValueOrDefault(indicator.Id) + Stopwatch.GetTimestamp() - before;
                }
                long ticks = Stopwatch.GetTimestamp() - start;
                if (attempt == 0) firstTicks += ticks;
                best = Math.Min(best, ticks);
            }
            bestTicks += best;
        }

        output.WriteLine($"{episodes:N0} episodes in 10 returns, index + 7 calculators: first run {Ms(firstTicks)} ms, fastest of 3 runs {Ms(bestTicks)} ms (wall)");
        output.WriteLine("  first run: " + string.Join(", ", perIndicator.Select(p => $"{p.Key} {Ms(p.Value)} ms")));
        foreach (var (id, c) in counts.Take(7)) output.WriteLine($"  2001 {id}: {c.Numerator}/{c.Denominator} {string.Join("; ", c.Warnings)}");
        counts.Should().OnlyContain(c => c.Count.Numerator >= 0 && c.Count.Denominator > 0);
        counts.Where(c => c.Id != "C23").Should().OnlyContain(c => c.Count.Numerator <= c.Count.Denominator);
    }

    private static long Ms(long ticks) => ticks * 1000 / Stopwatch.Frequency;

    /// <summary>A return with about <paramref name="episodes"/> episodes: children with one to six episodes each.</summary>
    private static ChildLevelReturn Synthetic(int year, int episodes, int seed)
    {
        var rng = new Random(seed);
        var headers = new List<ChildHeader>();
        var eps = new List<Episode>(episodes + 8);
        var oc1 = new List<Oc1Record>();
        var oc2 = new List<Oc2Record>();
        var cpr = new List<CprRecord>();
        var yearEnd = CollectionYear.End(year);
        for (int c = 0; eps.Count < episodes; c++)
        {
            string id = $"C{c:D6}";
            var start = yearEnd.AddDays(-rng.Next(1, 365 * 6));
            var dob = start.AddDays(-rng.Next(0, 365 * 17));
            headers.Add(new ChildHeader(id, "1", dob, null, null, null, null));
            int n = rng.Next(1, 7);
            var decom = start;
            for (int i = 0; i < n; i++)
            {
                bool last = i == n - 1;
                var next = decom.AddDays(rng.Next(1, 400));
                DateOnly? dec = last ? (rng.Next(4) == 0 && next <= yearEnd ? next : null) : (next <= yearEnd ? next : null);
                string rec = last ? (rng.Next(3) == 0 ? "E11" : "E8") : "X1";
                string ls = rng.Next(20) == 0 ? "V3" : "C2";
                eps.Add(new Episode(id, decom, i == 0 ? "S" : Moves[rng.Next(Moves.Length)], ls, "N1", Places[rng.Next(Places.Length)],
                    "PR1", dec, dec is null ? null : rec, null, null, $"TS{rng.Next(9)}", $"SC{rng.Next(99)}"));
                if (dec is null) break;
                decom = dec.Value;
            }
            if (rng.Next(3) == 0) oc2.Add(new Oc2Record(id, dob, null, null, null, null, null, null, rng.Next(2) == 0, null, null, null));
            if (rng.Next(4) == 0) oc1.Add(new Oc1Record(id, dob, rng.Next(2) == 0, false));
            if (rng.Next(2) == 0) cpr.Add(new CprRecord(id, dob, yearEnd.AddDays(-rng.Next(0, 365)), null, "NEG", rng.Next(5) == 0));
        }
        return new ChildLevelReturn(805, year, headers, eps, oc1, oc2, cpr);
    }
}
