using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// A3 Re-registrations on the child protection register. Cohort: CPR registrations with REG_DATE in the year.
/// Numerator: those of a child registered before — PREV_REG = 1, or the child is in the store's earlier
/// registrations (<see cref="ChildHistory.EarlierRegistrations"/>). Decision: the return being counted is in the
/// store too, so a child's second registration in the same year (a later REG_DATE than their first) is a
/// re-registration; registrations on the same day are one registration recorded twice and neither counts as such.
/// </summary>
public sealed class A3ReRegistrations : IChildLevelIndicator
{
    /// <inheritdoc />
    public string Id => "A3";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        DateOnly start = CollectionYear.Start(submission.Year), end = CollectionYear.End(submission.Year);
        var firstInYear = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var r in submission.Cpr)
        {
            if (r.RegDate < start || r.RegDate > end) continue;
            if (!firstInYear.TryGetValue(r.Child, out var first) || r.RegDate < first) firstInYear[r.Child] = r.RegDate;
        }

        int numerator = 0, denominator = 0;
        foreach (var r in submission.Cpr)
        {
            if (r.RegDate < start || r.RegDate > end) continue;
            denominator++;
            if (r.PrevReg == true || history.EarlierRegistrations.Contains(r.Child) || r.RegDate > firstInYear[r.Child]) numerator++;
        }
        return new CohortCount(numerator, denominator, []);
    }
}
