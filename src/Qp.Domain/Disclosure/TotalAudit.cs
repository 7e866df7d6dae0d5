namespace Qp.Domain.Disclosure;

/// <summary>
/// Checks rounded totals against the hidden counts they cover, as a reader would attack them: each hidden numerator starts with
/// the values the primary rules leave open (1–5 beside a denominator of 10 or more, else 0 to the denominator), each published
/// total bounds the sum of its hidden members, and the bounds are propagated to a fixed point over every total accepted so far.
/// </summary>
internal sealed class TotalAudit
{
    private readonly Dictionary<int, (long Lo, long Hi)> _open = new();
    private readonly List<(int[] Members, long Lo, long Hi)> _accepted = [];

    /// <summary>An audit of the hidden numerators (authority, denominator) of one indicator and year.</summary>
    public TotalAudit(IEnumerable<(int La, int Denominator)> hidden)
    {
        foreach (var (la, den) in hidden) _open[la] = den >= 10 ? (1, Math.Min(5, den)) : (0, den);
    }

    /// <summary>
    /// Accepts a total whose hidden <paramref name="members"/> sum to between <paramref name="lo"/> and <paramref name="hi"/>
    /// when, with every total accepted before, no hidden numerator is left fewer than three possible values (or fewer than the
    /// primary rules left); otherwise refuses it, and the total must be withheld.
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
        return bounds.All(kv => kv.Value.Hi - kv.Value.Lo + 1 >= Math.Min(3, _open[kv.Key].Hi - _open[kv.Key].Lo + 1));
    }
}
