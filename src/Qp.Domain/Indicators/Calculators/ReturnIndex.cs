using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// A child-level return arranged for counting: episodes grouped by child with short breaks dropped and
/// sorted by DECOM, and OC1/OC2 rows keyed by child. Built once per return and shared by all calculators.
/// </summary>
public sealed class ReturnIndex
{
    // Keyed by reference: the seven calculators receive the same return object, so they share one index,
    // and the index goes away with the return.
    private static readonly ConditionalWeakTable<ChildLevelReturn, ReturnIndex> Cache = new();

    private ReturnIndex(ChildLevelReturn submission)
    {
        Submission = submission;
        var headers = new Dictionary<string, ChildHeader>(submission.Headers.Count, StringComparer.Ordinal);
        foreach (var h in submission.Headers) headers.TryAdd(h.Child, h);

        // Group in first-seen order. Returns are normally written child by child, so a run of rows for the same
        // child skips the dictionary; a first pass sizes each child's array so every episode is copied once.
        var episodes = submission.Episodes;
        DateOnly end = CollectionYear.End(submission.Year);
        var slot = new Dictionary<string, int>(submission.Headers.Count, StringComparer.Ordinal);
        var ids = new List<string>(submission.Headers.Count);
        var slotOf = new int[episodes.Count];
        var sizes = new List<int>(submission.Headers.Count);
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

        var grouped = new Episode[ids.Count][];
        for (int i = 0; i < grouped.Length; i++) grouped[i] = sizes[i] == 0 ? [] : new Episode[sizes[i]];
        var filled = new int[ids.Count];
        for (int k = 0; k < episodes.Count; k++)
        {
            if (slotOf[k] is var i and >= 0) grouped[i][filled[i]++] = episodes[k];
        }

        var children = new ChildEpisodes[ids.Count];
        for (int i = 0; i < children.Length; i++)
        {
            children[i] = new ChildEpisodes(ids[i], headers.GetValueOrDefault(ids[i]), SortByDecom(grouped[i]));
        }
        Children = children;

        var oc1 = new Dictionary<string, Oc1Record>(submission.Oc1.Count, StringComparer.Ordinal);
        foreach (var r in submission.Oc1) oc1.TryAdd(r.Child, r);
        Oc1 = oc1;
        var oc2 = new Dictionary<string, Oc2Record>(submission.Oc2.Count, StringComparer.Ordinal);
        foreach (var r in submission.Oc2) oc2.TryAdd(r.Child, r);
        Oc2 = oc2;
    }

    /// <summary>The return this index arranges.</summary>
    public ChildLevelReturn Submission { get; }

    /// <summary>The collection year of the return.</summary>
    public int Year => Submission.Year;

    /// <summary>Every child with at least one episode row, in order of first appearance; a child whose episodes were all short breaks has none left.</summary>
    public IReadOnlyList<ChildEpisodes> Children { get; }

    /// <summary>OC1 rows by child (the first row when a child has several).</summary>
    public IReadOnlyDictionary<string, Oc1Record> Oc1 { get; }

    /// <summary>OC2 rows by child (the first row when a child has several).</summary>
    public IReadOnlyDictionary<string, Oc2Record> Oc2 { get; }

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
