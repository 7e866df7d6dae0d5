using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// A child-level return arranged for counting: each child's episodes with short breaks dropped and sorted by
/// DECOM, together with the child's Header, OC1 and OC2 rows. Built once per return and shared by all calculators.
/// </summary>
public sealed class ReturnIndex
{
    // Keyed by reference: the seven calculators receive the same return object, so they share one index,
    // and the index goes away with the return.
    private static readonly ConditionalWeakTable<ChildLevelReturn, ReturnIndex> Cache = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // built once per return over every episode: skip the unoptimised first tier
    private ReturnIndex(ChildLevelReturn submission)
    {
        Submission = submission;

        // Group in first-seen order. Returns are normally written child by child, so a run of rows for the same
        // child skips the dictionary; a first pass sizes each child's array so every episode is copied once.
        var episodes = submission.Episodes;
        DateOnly end = CollectionYear.End(submission.Year);
        var slot = new Dictionary<string, int>(submission.Headers.Count, StringComparer.Ordinal);
        var ids = new List<string>(submission.Headers.Count);
        var sizes = new List<int>(submission.Headers.Count);
        var slotOf = new int[episodes.Count];
        string? lastChild = null;
        int lastSlot = -1;
        for (int k = 0; k < episodes.Count; k++)
        {
            var e = episodes[k];
            if (!string.Equals(e.Child, lastChild, StringComparison.Ordinal))
            {
                if (!slot.TryGetValue(e.Child, out lastSlot))
                {
                    lastSlot = ids.Count;
                    slot.Add(e.Child, lastSlot);
                    ids.Add(e.Child);
                    sizes.Add(0);
                }
                lastChild = e.Child;
            }
            // Short breaks are dropped first (SPEC §4); so are episodes starting after the year, which belong to a later return.
            if (CareCodes.IsShortBreak(e.Ls) || e.Decom > end) { slotOf[k] = -1; continue; }
            slotOf[k] = lastSlot;
            sizes[lastSlot]++;
        }

        int n = ids.Count;
        var grouped = new Episode[n][];
        for (int i = 0; i < n; i++) grouped[i] = sizes[i] == 0 ? [] : new Episode[sizes[i]];
        var filled = new int[n];
        for (int k = 0; k < episodes.Count; k++)
        {
            if (slotOf[k] is var i and >= 0) grouped[i][filled[i]++] = episodes[k];
        }

        // Rows of children with no episodes are irrelevant to every indicator; for a child with several rows, the first is used.
        var headers = new ChildHeader?[n];
        foreach (var h in submission.Headers)
        {
            if (slot.TryGetValue(h.Child, out int i)) headers[i] ??= h;
        }
        var oc1 = new Oc1Record?[n];
        foreach (var r in submission.Oc1)
        {
            if (slot.TryGetValue(r.Child, out int i)) oc1[i] ??= r;
        }
        var oc2 = new Oc2Record?[n];
        foreach (var r in submission.Oc2)
        {
            if (slot.TryGetValue(r.Child, out int i)) oc2[i] ??= r;
        }

        var children = new ChildEpisodes[n];
        for (int i = 0; i < n; i++) children[i] = new ChildEpisodes(ids[i], headers[i], SortByDecom(grouped[i]), oc1[i], oc2[i]);
        Children = children;
    }

    /// <summary>The return this index arranges.</summary>
    public ChildLevelReturn Submission { get; }

    /// <summary>The collection year of the return.</summary>
    public int Year => Submission.Year;

    /// <summary>Every child with at least one episode row, in order of first appearance; a child whose episodes were all short breaks has none left.</summary>
    public IReadOnlyList<ChildEpisodes> Children { get; }

    /// <summary>The index of <paramref name="submission"/>, built on first use and shared by every later caller.</summary>
    public static ReturnIndex Of(ChildLevelReturn submission) => Cache.GetValue(submission, s => new ReturnIndex(s));

    private static Episode[] SortByDecom(Episode[] array)
    {
        bool sorted = true;
        for (int i = 1; i < array.Length && sorted; i++) sorted = array[i - 1].Decom <= array[i].Decom;
        if (sorted) return array;

        // Stable: ties on DECOM keep file order, so the result never depends on the sort algorithm.
        var keys = new long[array.Length];
        for (int i = 0; i < array.Length; i++) keys[i] = ((long)array[i].Decom.DayNumber << 20) | (uint)i;
        Array.Sort(keys, array);
        return array;
    }
}
