using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// A2 Educational qualifications of care leavers. Cohort: the child's latest episode (short breaks dropped)
/// ends in the year — DEC from 1 April Y−1 to 31 March Y inclusive, since DEC is the first day no longer looked
/// after — with REC other than X1, the child is not looked after at 31 March, and is 16 or over on that DEC.
/// Taking only the latest episode makes a child who left twice count once. Numerator: OC1 QUAL_GCSE_GNVQ = 1.
/// Decisions: a cohort child with no OC1 row, or with QUAL_GCSE_GNVQ blank, is in the denominator only, and
/// each raises one aggregated warning; a leaver with no Header row has no known age, so is left out, with a warning.
/// </summary>
public sealed class A2CareLeaverQualifications : IChildLevelIndicator
{
    /// <summary>The age on leaving from which a care leaver is in the cohort.</summary>
    public const int MinimumAge = 16;

    /// <inheritdoc />
    public string Id => "A2";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int year = index.Year, numerator = 0, denominator = 0, noOc1 = 0, blankQual = 0, noHeader = 0;
        DateOnly start = CollectionYear.Start(year), end = CollectionYear.End(year);
        foreach (var child in index.Children)
        {
            if (child.Latest is not { Dec: { } dec } latest || dec < start || dec > end) continue;
            if (CareCodes.IsContinuing(latest.Rec) || child.LookedAfterAt31March(year)) continue;
            if (child.AgeOn(dec) is not { } age) { noHeader++; continue; }
            if (age < MinimumAge) continue;

            denominator++;
            if (child.Oc1 is not { } oc1) noOc1++;
            else if (oc1.QualGcseGnvq is null) blankQual++;
            else if (oc1.QualGcseGnvq.Value) numerator++;
        }

        var warnings = new CohortWarnings();
        warnings.Add(noOc1, "in the A2 cohort has no OC1 row (counted in the denominator only)",
            "in the A2 cohort have no OC1 row (counted in the denominator only)");
        warnings.Add(blankQual, "in the A2 cohort has QUAL_GCSE_GNVQ blank (counted in the denominator only)",
            "in the A2 cohort have QUAL_GCSE_GNVQ blank (counted in the denominator only)");
        warnings.Add(noHeader, "who left care during the year has no Header row, so no known age (left out of A2)",
            "who left care during the year have no Header row, so no known age (left out of A2)");
        return warnings.Result(numerator, denominator);
    }
}
