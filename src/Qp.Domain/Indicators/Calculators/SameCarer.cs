using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>A child's current carer over the whole period of care, as D78 reads it.</summary>
/// <param name="Since">"Same carer since": the DECOM of the latest episode that counts as a placement over the whole period of care.</param>
/// <param name="PreviousSince">The DECOM of the placement counted before it, or null when the current placement is the first of the period.</param>
/// <param name="Current">The placement in force: the latest non-temporary episode.</param>
public sealed record SameCarer(DateOnly Since, DateOnly? PreviousSince, Episode Current)
{
    /// <summary>The child's current carer, or null when the period of care holds no non-temporary episode.</summary>
    public static SameCarer? Of(ChildEpisodes child)
    {
        var run = PlacementCounter.Walk(child.Episodes, child.PeriodOfCareStartIndex, yearStart: null);
        if (run.LatestCounted < 0) return null;
        var eps = child.Episodes;
        return new SameCarer(
            eps[run.LatestCounted].Decom,
            run.PreviousCounted >= 0 ? eps[run.PreviousCounted].Decom : null,
            eps[run.LastPermanent]);
    }
}
