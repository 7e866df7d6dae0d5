namespace Qp.Domain.Disclosure;

/// <summary>
/// Checks rounded totals against the hidden figures they cover, as a reader would attack them: each hidden figure starts with
/// the values the published rules leave open, each published total bounds the sum of its hidden members, and the bounds are
/// propagated to a fixed point over every total accepted so far.
/// </summary>
internal sealed class TotalAudit
{
    private readonly Dictionary<int, (long Lo, long Hi)> _open = new();
    private readonly List<(int[] Members, long Lo, long Hi)> _accepted = [];
    private readonly bool _keepTop;

    private TotalAudit(IEnumerable<(int La, long Lo, long Hi)> open, bool keepTop)
    {
        foreach (var (la, lo, hi) in open) _open[la] = (lo, hi);
        _keepTop = keepTop;
    }

    /// <summary>
    /// An audit of the hidden numerators (authority, denominator) of one indicator and year: 1–5 beside a denominator of 10 or more,
    /// else 0 to the denominator, and 0 to 2 beside a hidden denominator (1 or 2); each must keep three values (or all it had).
    /// </summary>
    public static TotalAudit Numerators(IEnumerable<(int La, int Denominator)> hidden) =>
        new(hidden.Select(h => (h.La, h.Denominator >= 10 ? 1L : 0L, h.Denominator >= 10 ? Math.Min(5L, h.Denominator) : Math.Max(2L, h.Denominator))), false);

    /// <summary>An audit of the hidden denominators (1 or 2) of one indicator and year: each must keep 2, so its numerator keeps 0, 1 and 2.</summary>
    public static TotalAudit Denominators(IEnumerable<int> hidden) => new(hidden.Select(la => (la, 1L, 2L)), true);

    /// <summary>
    /// Accepts a total whose hidden <paramref name="members"/> sum to between <paramref name="lo"/> and <paramref name="hi"/>
    /// when, with every total accepted before, no hidden figure is narrowed below what it must keep; otherwise refuses it, and
    /// the total must be withheld.
    /// </summary>
    public bool Accept(IReadOnlyCollection<int> members, long lo, long hi)
    {
        var known = members.Where(_open.ContainsKey).ToArray();
        if (known.Length == 0) return true;
        var trial = new List<(int[] Members, long Lo, long Hi)>(_accepted) { (known, lo, hi) };
        if (!Safe(trial)) return false;
        _accepted.Add((known, lo, hi));
        return true;
    }

    private bool Safe(List<(int[] Members, long Lo, long Hi)> totals)
    {
        var bounds = new Dictionary<int, (long Lo, long Hi)>(_open);
        for (int round = 0; round < 100; round++)
        {
            bool changed = false;
            foreach (var (members, lo, hi) in totals)
            {
                long sumLo = 0, sumHi = 0;
                foreach (var m in members) { sumLo += bounds[m].Lo; sumHi += bounds[m].Hi; }
                foreach (var m in members)
                {
                    var (mLo, mHi) = bounds[m];
                    long newLo = Math.Max(mLo, lo - (sumHi - mHi)), newHi = Math.Min(mHi, hi - (sumLo - mLo));
                    // No assignment fits: the stored total is not the sum of these authorities' counts (England holds authorities
                    // without a result here, say), so a reader cannot invert it either.
                    if (newLo > newHi) return true;
                    if (newLo == mLo && newHi == mHi) continue;
                    bounds[m] = (newLo, newHi);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return _keepTop
            ? bounds.All(kv => kv.Value.Hi == _open[kv.Key].Hi)
            : bounds.All(kv => kv.Value.Hi - kv.Value.Lo + 1 >= Math.Min(3, _open[kv.Key].Hi - _open[kv.Key].Lo + 1));
    }
}
