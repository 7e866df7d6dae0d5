namespace Qp.Domain.Results;

/// <summary>The geographic level of an aggregate figure.</summary>
public static class AreaLevel
{
    /// <summary>One local authority.</summary>
    public const string La = "la";

    /// <summary>An English region (published reference figure).</summary>
    public const string Regional = "regional";

    /// <summary>England (published reference figure).</summary>
    public const string National = "national";
}

/// <summary>A numerator and denominator imported from a QP aggregate return or DfE published statistics.</summary>
/// <param name="Source">aggregate or published (see <see cref="ResultSource"/>).</param>
/// <param name="Level">la, regional or national (see <see cref="AreaLevel"/>).</param>
/// <param name="LaCode">The authority's code for la rows.</param>
/// <param name="AreaCode">The ONS code of a region or of England.</param>
/// <param name="AreaName">The region's or country's name.</param>
/// <param name="Year">The collection year.</param>
/// <param name="Indicator">The indicator's identifier.</param>
/// <param name="Numerator">The numerator; null when missing or suppressed, never zero for a suppressed cell.</param>
/// <param name="Denominator">The denominator; null when missing or suppressed.</param>
/// <param name="Value">The published percentage, when the file gives one.</param>
/// <param name="Note">A free-text note from the file.</param>
public sealed record AggregateFigure(
    string Source, string Level, int? LaCode, string? AreaCode, string? AreaName, int Year, string Indicator,
    int? Numerator, int? Denominator, double? Value, string? Note);
