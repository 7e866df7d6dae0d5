using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Indicators;

/// <summary>The seven child-level indicator calculators of SPEC §4, in catalogue order.</summary>
public static class ChildLevelIndicators
{
    /// <summary>A1, A2, A3, B7, C23, D78 and HA, in catalogue order; the calculators are stateless and may be shared.</summary>
    public static IReadOnlyList<IChildLevelIndicator> All { get; } =
    [
        new A1PlacementStability(),
        new A2CareLeaverQualifications(),
        new A3ReRegistrations(),
        new B7FosterOrAdoption(),
        new C23Adoptions(),
        new D78LongTermStability(),
        new HaHealthAssessments(),
    ];

    /// <summary>The calculator with identifier <paramref name="id"/> (case-insensitive), or null.</summary>
    public static IChildLevelIndicator? Find(string id) =>
        All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
}
