using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Domain.Statistics;

/// <summary>The comparison of an authority with England (SPEC §5).</summary>
public static class VsEnglandRule
{
    /// <summary>Similar when England's value lies inside the authority's 95% interval; otherwise Better or Worse by polarity; NotCompared when either is missing.</summary>
    public static VsEngland Compare(double? value, Interval? ci95, double? england, Polarity polarity)
    {
        if (value is not { } v || ci95 is null || england is not { } e) return VsEngland.NotCompared;
        if (ci95.Contains(e)) return VsEngland.Similar;
        bool higher = ci95.Lower > e;
        return higher == (polarity == Polarity.HigherIsBetter) ? VsEngland.Better : VsEngland.Worse;
    }
}
