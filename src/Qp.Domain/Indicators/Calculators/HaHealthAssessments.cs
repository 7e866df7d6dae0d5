using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// HA Health assessments up to date. Cohort (the OC2 cohort): children looked after at 31 March in a period of
/// care that started on or before 31 March Y−1. Numerator: the child's OC2 row has HEALTH_ASSESSMENT = 1.
/// Decision: a cohort child with no OC2 row, or with HEALTH_ASSESSMENT blank, is in the denominator only, and
/// each raises one aggregated warning; OC2 rows of children outside the cohort are ignored.
/// </summary>
public sealed class HaHealthAssessments : IChildLevelIndicator
{
    /// <inheritdoc />
    public string Id => "HA";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int numerator = 0, denominator = 0, noOc2 = 0, blank = 0;
        foreach (var child in index.Children)
        {
            if (!child.ContinuouslyLookedAfter(index.Year, CareSpan.TwelveMonths)) continue;
            denominator++;
            if (child.Oc2 is not { } oc2) noOc2++;
            else if (oc2.HealthAssessment is null) blank++;
            else if (oc2.HealthAssessment.Value) numerator++;
        }

        var warnings = new CohortWarnings();
        warnings.Add(noOc2, "in the HA cohort has no OC2 row (counted in the denominator only)",
            "in the HA cohort have no OC2 row (counted in the denominator only)");
        warnings.Add(blank, "in the HA cohort has HEALTH_ASSESSMENT blank (counted in the denominator only)",
            "in the HA cohort have HEALTH_ASSESSMENT blank (counted in the denominator only)");
        return warnings.Result(numerator, denominator);
    }
}
