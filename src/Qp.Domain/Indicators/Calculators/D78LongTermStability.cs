using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// D78 Long-term stability (NI 63). Cohort: children under 16 at 31 March, looked after at 31 March in a period of
/// care that started on or before 30 September Y−3 (2½ years). Numerator: "same carer since" (<see cref="SameCarer"/>,
/// the placement-counting rule over the whole period of care) on or before 31 March Y−2; or, for a child whose
/// current placement (latest non-temporary episode) is A3–A6, the placement counted before it started on or before
/// 31 March Y−2, so this and the previous placement together last 2 years. Decision: a cohort child with no Header
/// row has no known age, so is left out of the cohort, with an aggregated warning. D78 is the one indicator that needs a
/// child's history before the year: a child whose period of care begins before the earliest stored return
/// (<see cref="ChildHistory.IncompleteHistory"/>) is counted from the episodes stored, and when more history could change
/// how they count (the known start is after 30 September Y−3, or the carer whose start decides the numerator is the first
/// one known) they are counted in one warning per return.
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
        int year = index.Year, numerator = 0, denominator = 0, noHeader = 0, unsettled = 0;
        DateOnly end = CollectionYear.End(year), twoYears = CareSpan.TwoYears.LatestStart(year);
        var incomplete = history.IncompleteHistory;
        foreach (var child in index.Children)
        {
            bool partial = incomplete.Count > 0 && incomplete.Contains(child.Child) && PeriodBeginsBeforeRecord(child);
            if (!child.ContinuouslyLookedAfter(year, CareSpan.TwoAndAHalfYears))
            {
                // An earlier start might put the child in the cohort.
                if (partial && child.LookedAfterAt31March(year) && child.AgeOn(end) is < AgeLimit) unsettled++;
                continue;
            }
            if (child.AgeOn(end) is not { } age) { noHeader++; continue; }
            if (age >= AgeLimit) continue;

            denominator++;
            var carer = SameCarer.Of(child);
            bool adoption = carer is not null && CareCodes.IsPlacedForAdoption(carer.Current.Place);
            bool stable = carer is not null && (carer.Since <= twoYears || (adoption && carer.PreviousSince is { } previous && previous <= twoYears));
            if (stable) numerator++;
            // Not stable on the known record: earlier history moves the carer's start back only when it is the first carer known.
            else if (partial && (carer?.PreviousSince is null || (adoption && FirstTwoCarersKnown(child)))) unsettled++;
        }

        var warnings = new CohortWarnings();
        warnings.Add(noHeader, "looked after continuously for 2½ years has no Header row, so no known age (left out of D78)",
            "looked after continuously for 2½ years have no Header row, so no known age (left out of D78)");
        warnings.AddText(unsettled switch
        {
            0 => null,
            1 => "1 child looked after at 31 March has a period of care that begins before the earliest stored return: D78 rests on incomplete history for them (counted from the episodes stored)",
            _ => $"{unsettled} children looked after at 31 March have periods of care that begin before the earliest stored return: D78 rests on incomplete history for them (counted from the episodes stored)",
        });
        return warnings.Result(numerator, denominator);
    }

    // The current period's first known episode is not RNE S (a later RNE S would have started a period whose history is whole).
    private static bool PeriodBeginsBeforeRecord(ChildEpisodes child) =>
        child.PeriodOfCareStartIndex >= 0 && !CareCodes.IsStartOfCare(child.Episodes[child.PeriodOfCareStartIndex].Rne);

    // Whether the previous carer of a child placed for adoption is the first carer of the known record.
    private static bool FirstTwoCarersKnown(ChildEpisodes child) =>
        PlacementCounter.Walk(child.Episodes, child.PeriodOfCareStartIndex, yearStart: null).Count <= 2;
}
