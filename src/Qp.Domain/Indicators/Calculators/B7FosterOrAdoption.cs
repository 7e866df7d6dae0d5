using System.Runtime.CompilerServices;
using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>
/// B7 Children looked after in foster placements or placed for adoption: of the children looked after at
/// 31 March, those whose episode open on 31 March has PLACE U1–U6, Q1, Q2 or A3–A6. Decision: read word for
/// word, a child in a temporary placement (T0–T4) on 31 March is not in the numerator, even if the placement
/// they will return to is foster care.
/// </summary>
public sealed class B7FosterOrAdoption : IChildLevelIndicator
{
    /// <inheritdoc />
    public string Id => "B7";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call per return runs a long loop: skip the unoptimised first tier
    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var index = ReturnIndex.Of(submission);
        int numerator = 0, denominator = 0;
        foreach (var child in index.Children)
        {
            if (child.AtEndOf(index.Year) is not { } open) continue;
            denominator++;
            if (CareCodes.IsFosterOrAdoption(open.Place)) numerator++;
        }
        return new CohortCount(numerator, denominator, []);
    }
}
