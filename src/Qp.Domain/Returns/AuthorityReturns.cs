using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Returns;

/// <summary>A return ready for counting: each child's period of care rebuilt from the authority's earlier returns.</summary>
/// <param name="Return">The return, with the earlier episodes of its children's current periods of care added.</param>
/// <param name="IncompleteHistory">
/// Children whose period of care begins before every stored return that covers it: their earliest known episode is not
/// RNE S, so when the period started is not known.
/// </param>
public sealed record AssembledReturn(ChildLevelReturn Return, IReadOnlySet<string> IncompleteHistory);

/// <summary>
/// One authority's stored returns, from which each child's period of care is rebuilt. A DfE return holds only the episodes
/// open during its year, so a child whose first episode in it is not RNE S continues a period that began earlier: the
/// episode that ended on that DECOM (X1) is looked for in the earlier returns, latest first, and the chain is followed back
/// until an RNE S episode starts it. Returns are loaded through the loader only when asked for (a return whose children all
/// begin with RNE S, as whole-period returns do, costs nothing more), and each is indexed by child once; see
/// <see cref="Forget"/> for the order that keeps memory low. Not thread-safe: one authority is assembled on one thread.
/// </summary>
public sealed class AuthorityReturns
{
    private readonly IReadOnlySet<int> years;
    private readonly Func<int, ChildLevelReturn?> load;
    private readonly Dictionary<int, ChildLevelReturn?> loaded = [];
    private readonly Dictionary<int, Dictionary<string, Episode[]>> byChild = [];
    private readonly int earliest;

    /// <summary>The authority's stored collection <paramref name="years"/>, read on demand through <paramref name="load"/>.</summary>
    public AuthorityReturns(IEnumerable<int> years, Func<int, ChildLevelReturn?> load)
    {
        this.years = years.ToHashSet();
        this.load = load;
        earliest = this.years.Count == 0 ? 0 : this.years.Min();
    }

    /// <summary>The stored return of <paramref name="year"/>, loaded once; null when none is stored.</summary>
    public ChildLevelReturn? Return(int year)
    {
        if (!years.Contains(year)) return null;
        if (!loaded.TryGetValue(year, out var r)) loaded[year] = r = load(year);
        return r;
    }

    /// <summary>
    /// Lets go of the return of <paramref name="year"/> (it is loaded again if asked for). Counting an authority's years latest
    /// first and forgetting each once counted keeps only the returns still to be counted or looked back into in memory: a
    /// year is only ever history for later years.
    /// </summary>
    public void Forget(int year)
    {
        loaded.Remove(year);
        byChild.Remove(year);
    }

    /// <summary>
    /// The return of <paramref name="year"/> with each child's period of care completed from earlier returns (the episodes
    /// of the chain that ended on the child's first DECOM in this return); a copy sharing the stored return's rows when nothing was added.
    /// </summary>
    public AssembledReturn Assemble(int year)
    {
        var current = Return(year) ?? throw new ArgumentOutOfRangeException(nameof(year), year, "no return is stored for this year");
        List<Episode>? added = null;
        HashSet<string>? incomplete = null;
        foreach (var first in FirstEpisodes(current.Episodes))
        {
            if (CareCodes.IsStartOfCare(first.Rne)) continue;
            if (!Rebuild(first, year, added ??= [])) (incomplete ??= new(StringComparer.Ordinal)).Add(first.Child);
        }
        // Always a new object: calculators cache their index on the return they count (ReturnIndex), and that index must go
        // with the counting rather than live on with the stored return, which is kept as history for later years.
        var assembled = added is { Count: > 0 } ? current with { Episodes = [.. current.Episodes, .. added] } : current with { };
        return new AssembledReturn(assembled, incomplete ?? (IReadOnlySet<string>)new HashSet<string>());
    }

    // Each child's earliest episode by DECOM (the first in file order on a tie). Stored returns come ordered by child, so a run
    // of rows of one child is compared without a lookup.
    private static IEnumerable<Episode> FirstEpisodes(IReadOnlyList<Episode> episodes)
    {
        var firsts = new Dictionary<string, Episode>(StringComparer.Ordinal);
        Episode? run = null;
        foreach (var e in episodes)
        {
            if (run is not null && string.Equals(run.Child, e.Child, StringComparison.Ordinal))
            {
                if (e.Decom < run.Decom) firsts[e.Child] = run = e;
                continue;
            }
            if (!firsts.TryGetValue(e.Child, out run) || e.Decom < run.Decom) firsts[e.Child] = run = e;
        }
        return firsts.Values;
    }

    // Follows the chain back from `first`: the episode ending on its DECOM, the one ending on that one's DECOM, and so on,
    // adding each, until an RNE S episode (true) or a return that should hold the next link does not (false: incomplete).
    private bool Rebuild(Episode first, int year, List<Episode> added)
    {
        var cur = first.Decom;
        for (int k = year - 1; k >= earliest; k--)
        {
            // The episode ending on `cur` was open the day before, so the return of that day's year is the earliest that can hold it.
            if (k < YearOf(cur.AddDays(-1))) return false;
            var eps = EpisodesOf(k, first.Child);
            int i = eps.Length - 1;
            while (i >= 0 && eps[i].Dec != cur) i--;
            if (i < 0) continue;
            while (true)
            {
                added.Add(eps[i]);
                if (CareCodes.IsStartOfCare(eps[i].Rne)) return true;
                cur = eps[i].Decom;
                if (i == 0 || eps[i - 1].Dec != cur) break;
                i--;
            }
        }
        return false;
    }

    private Episode[] EpisodesOf(int year, string child)
    {
        if (!byChild.TryGetValue(year, out var index))
        {
            index = Return(year) is { } r
                ? r.Episodes.GroupBy(e => e.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Decom).ToArray(), StringComparer.Ordinal)
                : [];
            byChild[year] = index;
        }
        return index.TryGetValue(child, out var eps) ? eps : [];
    }

    private static int YearOf(DateOnly d) => d.Month >= 4 ? d.Year + 1 : d.Year;
}
