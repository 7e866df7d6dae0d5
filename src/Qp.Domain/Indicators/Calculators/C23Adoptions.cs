using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// C23 Adoptions of children looked after. Denominator: children looked after at 31 March continuously for six
/// months or more (period of care started on or before 30 September Y−1). Numerator: children adopted during
/// the year — an episode (short breaks dropped) with DEC from 1 April Y−1 to 31 March Y and REC E11 or E12.
/// As in PAF C23 the adopted children are not part of the denominator (they have left care); a child is counted
/// once however many such episodes they have.
/// </summary>
public sealed class C23Adoptions : IChildLevelIndicator
{
    /// <inheritdoc />
    public string Id => "C23";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int year = index.Year, numerator = 0, denominator = 0;
        DateOnly start = CollectionYear.Start(year), end = CollectionYear.End(year);
        foreach (var child in index.Children)
        {
            if (child.ContinuouslyLookedAfter(year, CareSpan.SixMonths)) denominator++;
            var episodes = child.Episodes;
            for (int i = episodes.Count - 1; i >= 0; i--)
            {
                var e = episodes[i];
                if (e.Dec is { } dec && dec >= start && dec <= end && CareCodes.IsAdoption(e.Rec))
                {
                    numerator++;
                    break;
                }
            }
        }
        return new CohortCount(numerator, denominator, []);
    }
}
