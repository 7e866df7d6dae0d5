using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// D78 Long-term stability (NI 63). Cohort: children under 16 at 31 March, looked after at 31 March in a period of
/// care that started on or before 30 September Y−3 (2½ years). Numerator: "same carer since" (<see cref="SameCarer"/>,
/// the placement-counting rule over the whole period of care) on or before 31 March Y−2; or, for a child whose
/// current placement (latest non-temporary episode) is A3–A6, the placement counted before it started on or before
/// 31 March Y−2, so this and the previous placement together last 2 years. Decision: a cohort child with no Header
/// row has no known age, so is left out of the cohort, with an aggregated warning.
/// </summary>
public sealed class D78LongTermStability : IChildLevelIndicator
{
    /// <summary>Children this age or older at 31 March are outside the cohort.</summary>
    public const int AgeLimit = 16;

    /// <inheritdoc />
    public string Id => "D78";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int year = index.Year, numerator = 0, denominator = 0, noHeader = 0;
        DateOnly end = CollectionYear.End(year), twoYears = CareSpan.TwoYears.LatestStart(year);
        foreach (var child in index.Children)
        {
            if (!child.ContinuouslyLookedAfter(year, CareSpan.TwoAndAHalfYears)) continue;
            if (child.AgeOn(end) is not { } age) { noHeader++; continue; }
            if (age >= AgeLimit) continue;

            denominator++;
            if (SameCarer.Of(child) is not { } carer) continue;
            bool stable = carer.Since <= twoYears
                || (CareCodes.IsPlacedForAdoption(carer.Current.Place) && carer.PreviousSince is { } previous && previous <= twoYears);
            if (stable) numerator++;
        }

        var warnings = new CohortWarnings();
        warnings.Add(noHeader, "looked after continuously for 2½ years has no Header row, so no known age (left out of D78)",
            "looked after continuously for 2½ years have no Header row, so no known age (left out of D78)");
        return warnings.Result(numerator, denominator);
    }
}
