using Qp.Domain;

namespace Qp.Validate;

/// <summary>The collection years a rule or a code is in force: an inclusive range, open at either end.</summary>
/// <param name="From">The first collection year in force (e.g. 2025 for 2024-25), or null for every earlier year.</param>
/// <param name="To">The last collection year in force, or null for every later year.</param>
public readonly record struct YearsInForce(int? From, int? To)
{
    /// <summary>In force in every collection year.</summary>
    public static readonly YearsInForce Always = new(null, null);

    /// <summary>In force from collection year <paramref name="year"/> on.</summary>
    public static YearsInForce Since(int year) => new(year, null);

    /// <summary>In force up to and including collection year <paramref name="year"/>.</summary>
    public static YearsInForce Until(int year) => new(null, year);

    /// <summary>In force from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static YearsInForce Between(int from, int to) => new(from, to);

    /// <summary>Whether collection year <paramref name="year"/> is in the range.</summary>
    public bool Contains(int year) => (From is null || year >= From) && (To is null || year <= To);

    /// <summary>The range in the form reports use, e.g. "2022-23 to 2026-27", "from 2024-25", "all years".</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "all years",
        ({ } f, null) => $"from {CollectionYear.Display(f)}",
        (null, { } t) => $"up to {CollectionYear.Display(t)}",
        ({ } f, { } t) when f == t => CollectionYear.Display(f),
        ({ } f, { } t) => $"{CollectionYear.Display(f)} to {CollectionYear.Display(t)}",
    };
}
