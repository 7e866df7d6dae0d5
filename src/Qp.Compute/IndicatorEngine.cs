using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Returns;
using Qp.Domain.Statistics;
using Qp.Domain.Validation;
using Qp.Store;

namespace Qp.Compute;

/// <summary>What one compute run stored.</summary>
/// <param name="National">The England result of every indicator and year computed, ordered by indicator then year.</param>
/// <param name="Results">The number of authority results stored.</param>
/// <param name="Submissions">The number of child-level submissions counted.</param>
/// <param name="Warnings">The number of counting warnings stored.</param>
/// <param name="Differences">The number of child-level figures that differ from an aggregate or published figure.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record ComputeSummary(IReadOnlyList<NationalResult> National, int Results, int Submissions, int Warnings, int Differences, TimeSpan Elapsed);

/// <summary>
/// qp compute: counts every child-level submission with the calculators, merges the counts with imported aggregate and
/// published figures (child-level wins over aggregate over published), computes the statistics of SPEC §5 and stores them.
/// </summary>
/// <param name="catalogue">The indicator definitions; only their indicators are computed.</param>
/// <param name="calculators">The child-level calculators (ChildLevelIndicators.All in the tool; fakes in tests).</param>
public sealed class IndicatorEngine(IReadOnlyList<IndicatorDefinition> catalogue, IReadOnlyList<IChildLevelIndicator> calculators)
{
    /// <summary>The file name compute warnings are stored under.</summary>
    public const string MessageFile = "compute";

    /// <summary>The prefix of compute warning codes ("C" + indicator id, e.g. CA2).</summary>
    public const string MessagePrefix = "C";

    private sealed record ChildCount(int LaCode, int Year, long ImportId, string Indicator, CohortCount Count);

    /// <summary>
    /// Computes and stores the results of every year, or of <paramref name="year"/> only (other years' stored results are kept;
    /// submissions of the four years before it are counted too, for the change and the trend). Results, compute warnings and
    /// source differences are replaced in one transaction.
    /// </summary>
    public ComputeSummary Run(SqliteConnection conn, int? year = null, Action<int, int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var authorities = AuthorityStore.Authorities(conn).ToDictionary(a => a.Code);
        var neighbours = AuthorityStore.Neighbours(conn).GroupBy(n => n.LaCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.OrderBy(n => n.Rank).Select(n => n.NeighbourCode).ToList());
        var aggregates = AggregateStore.All(conn);
        var submissions = ChildReturnStore.SubmissionImports(conn)
            .Where(s => year is not { } y || (s.Year > y - TrendTest.Years && s.Year <= y)).ToList();
        var counts = CountSubmissions(conn, submissions, progress);

        var merged = new MergedFigures();
        foreach (var c in counts) merged.Add(c.Indicator, c.Year, c.LaCode, new Figure(ResultSource.ChildLevel, c.Count.Numerator, c.Count.Denominator));
        foreach (var a in aggregates.Where(a => a.Level == AreaLevel.La && a.LaCode is not null))
            merged.Add(a.Indicator, a.Year, a.LaCode!.Value, new Figure(a.Source, a.Numerator, a.Denominator));

        var differences = counts.Where(c => year is null || c.Year == year)
            .SelectMany(c => aggregates
                .Where(a => a.Level == AreaLevel.La && a.LaCode == c.LaCode && a.Year == c.Year && a.Indicator == c.Indicator
                            && (a.Numerator != c.Count.Numerator || a.Denominator != c.Count.Denominator))
                .Select(a => new SourceDifference(c.Indicator, c.LaCode, c.Year, c.Count.Numerator, c.Count.Denominator, a.Source, a.Numerator, a.Denominator)))
            .ToList();

        var publishedNational = aggregates.Where(a => a.Level == AreaLevel.National && a.Source == ResultSource.Published)
            .GroupBy(a => (a.Indicator, a.Year)).ToDictionary(g => g.Key, g => g.First());
        var statistics = new IndicatorStatistics(authorities, neighbours, merged);
        var results = new List<IndicatorResult>();
        var national = new List<NationalResult>();
        foreach (var definition in catalogue)
        {
            var years = merged.Years(definition.Id).Concat(publishedNational.Keys.Where(k => k.Indicator == definition.Id).Select(k => k.Year))
                .Distinct().Where(y => year is null || y == year).Order();
            foreach (int y in years)
            {
                var (r, n) = statistics.Compute(definition, y, publishedNational.GetValueOrDefault((definition.Id, y)));
                results.AddRange(r);
                national.Add(n);
            }
        }

        var warnings = counts.Where(c => (year is null || c.Year == year) && c.Count.Warnings.Count > 0).ToList();
        using (var tx = conn.BeginTransaction())
        {
            ResultsStore.Replace(conn, tx, results, national, year);
            if (year is { } only) MessagesStore.DeleteByCodePrefix(conn, tx, MessagePrefix, only);
            else MessagesStore.DeleteByCodePrefix(conn, tx, MessagePrefix);
            foreach (var c in warnings)
                MessagesStore.Add(conn, tx, c.ImportId, c.LaCode, c.Year,
                    c.Count.Warnings.Select(w => new ValidationMessage(MessageFile, 0, 0, Severity.Warning, MessagePrefix + c.Indicator, w)));
            SourceDifferencesStore.Replace(conn, tx, differences, year);
            tx.Commit();
        }
        return new ComputeSummary(national, results.Count, submissions.Count(s => year is null || s.Year == year),
            warnings.Sum(c => c.Count.Warnings.Count), differences.Count, clock.Elapsed);
    }

    // Runs every catalogue calculator on every submission. The work is split by authority: one worker loads an authority's
    // returns once (the counted years, and earlier years only when a child's period of care must be rebuilt from them;
    // AuthorityReturns) and its registrations once. Each worker reads with its own connection (a ReturnReader: SQLite
    // connections are not thread-safe; WAL lets readers run side by side); a store that is not a file is counted on the caller's connection.
    private List<ChildCount> CountSubmissions(SqliteConnection conn, IReadOnlyList<(int LaCode, int Year, long ImportId)> submissions, Action<int, int>? progress)
    {
        var ids = catalogue.Select(d => d.Id).ToHashSet();
        var active = calculators.Where(c => ids.Contains(c.Id)).ToList();
        if (active.Count == 0 || submissions.Count == 0) return [];
        var perSubmission = new List<ChildCount>[submissions.Count];
        var stored = ChildReturnStore.Submissions(conn).ToLookup(s => s.LaCode, s => s.Year);
        // Each authority's years latest first: a counted year is then never needed again (it is only history for later years) and is let go.
        var byAuthority = Enumerable.Range(0, submissions.Count).GroupBy(i => submissions[i].LaCode)
            .Select(g => g.OrderByDescending(i => submissions[i].Year).ToArray()).ToArray();
        int done = 0;
        void CountAuthority(Func<int, int, ChildLevelReturn?> load, Func<int, RegistrationHistory> registrationsOf, int[] indexes)
        {
            int la = submissions[indexes[0]].LaCode;
            var returns = new AuthorityReturns(stored[la], y => load(la, y));
            long t0 = Stopwatch.GetTimestamp();
            var registrations = registrationsOf(la);
            Profiler?.Add(history: Stopwatch.GetTimestamp() - t0);
            foreach (int i in indexes)
            {
                var (_, yr, importId) = submissions[i];
                t0 = Stopwatch.GetTimestamp();
                returns.Return(yr);
                long t1 = Stopwatch.GetTimestamp();
                var assembled = returns.Assemble(yr);
                var history = new ChildHistory(registrations.Before(yr)) { IncompleteHistory = assembled.IncompleteHistory };
                long t2 = Stopwatch.GetTimestamp();
                perSubmission[i] = active.Select(c => new ChildCount(la, yr, importId, c.Id, c.Count(assembled.Return, history))).ToList();
                returns.Forget(yr);
                Profiler?.Add(t1 - t0, t2 - t1, Stopwatch.GetTimestamp() - t2);
                progress?.Invoke(Interlocked.Increment(ref done), submissions.Count);
            }
        }

        bool onDisk = conn.DataSource is { Length: > 0 } ds && ds != ":memory:" && File.Exists(ds);
        if (!onDisk || byAuthority.Length == 1)
        {
            foreach (var indexes in byAuthority)
                CountAuthority((la, yr) => ChildReturnStore.Load(conn, la, yr), la => ChildReturnStore.Registrations(conn, la), indexes);
        }
        else
        {
            Parallel.For(0, byAuthority.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => ReturnReader.OpenBeside(conn),
                (a, _, reader) => { CountAuthority(reader.Load, reader.Registrations, byAuthority[a]); return reader; },
                reader => reader.Dispose());
        }
        Profiler?.Print();
        return perSubmission.SelectMany(c => c).ToList();
    }

    // QP_PROFILE=1 prints where counting time goes (summed over workers) to standard error: how `qp bench` figures are explained.
    private static readonly CountProfile? Profiler = Environment.GetEnvironmentVariable("QP_PROFILE") is { Length: > 0 } ? new CountProfile() : null;

    private sealed class CountProfile
    {
        private long load, history, count;

        public void Add(long load = 0, long history = 0, long count = 0)
        {
            Interlocked.Add(ref this.load, load);
            Interlocked.Add(ref this.history, history);
            Interlocked.Add(ref this.count, count);
        }

        public void Print()
        {
            static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            Console.Error.WriteLine($"compute profile: load {Ms(load):F0} ms, history {Ms(history):F0} ms, count {Ms(count):F0} ms (summed over workers); " +
                                    $"GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections, {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes() >> 20} MB allocated");
        }
    }
}
