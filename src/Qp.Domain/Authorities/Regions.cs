namespace Qp.Domain.Authorities;

/// <summary>ONS codes of England and its nine regions, as DfE's published files use them.</summary>
public static class Regions
{
    /// <summary>England's ONS country code.</summary>
    public const string EnglandCode = "E92000001";

    /// <summary>England's name as DfE files write it.</summary>
    public const string EnglandName = "England";

    /// <summary>The nine English regions by name (as in templates/authorities.csv), with their ONS codes, in code order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("E12000001", "North East"),
        ("E12000002", "North West"),
        ("E12000003", "Yorkshire and The Humber"),
        ("E12000004", "East Midlands"),
        ("E12000005", "West Midlands"),
        ("E12000006", "East of England"),
        ("E12000007", "London"),
        ("E12000008", "South East"),
        ("E12000009", "South West"),
    ];

    /// <summary>The ONS code of the region named <paramref name="name"/> (case-insensitive), or null when it is not an English region.</summary>
    public static string? CodeOf(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Code;
}
