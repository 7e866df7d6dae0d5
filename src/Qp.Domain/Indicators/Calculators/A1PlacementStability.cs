using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// A1 Stability of placements: of the children looked after at 31 March, those with three or more placements
/// during the year, counted by <see cref="PlacementCounter"/> over the episodes that overlap the year.
/// Decision: the first placement counted is the first non-temporary episode overlapping the year, even when
/// it follows a temporary episode carried in from the year before (it is the placement in force).
/// </summary>
public sealed class A1PlacementStability : IChildLevelIndicator
{
    /// <summary>The placement count at which a child counts in the numerator.</summary>
    public const int Threshold = 3;

    /// <inheritdoc />
    public string Id => "A1";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int year = index.Year, numerator = 0, denominator = 0;
        foreach (var child in index.Children)
        {
            if (!child.LookedAfterAt31March(year)) continue;
            denominator++;
            if (PlacementCounter.PlacementsDuring(child, year) >= Threshold) numerator++;
        }
        return new CohortCount(numerator, denominator, []);
    }
}
