namespace Qp.Domain.Indicators;

/// <summary>The child-level calculators of the catalogue's indicators (SPEC §4), in catalogue order.</summary>
public static class ChildLevelIndicators
{
    /// <summary>Every child-level calculator; the engine runs each on every stored submission.</summary>
    public static IReadOnlyList<IChildLevelIndicator> All { get; } = [];
}
