using Qp.Domain.Disclosure;

namespace Qp.Export;

/// <summary>One exported cell: a number, a piece of text, or missing. Numbers stay numbers in every format; only text is neutralised against formulas.</summary>
public readonly record struct Cell(decimal? Number, string? Text)
{
    /// <summary>A missing value: an empty CSV field, JSON null.</summary>
    public static readonly Cell Empty = default;

    /// <summary>A cell suppressed by disclosure control: the text "c".</summary>
    public static readonly Cell Suppressed = new(null, DisclosureControl.Suppressed);

    /// <summary>Whether the cell holds nothing.</summary>
    public bool IsEmpty => Number is null && Text is null;

    /// <summary>A whole-number cell, or missing when null.</summary>
    public static Cell Of(long? n) => new(n, null);

    /// <summary>A decimal cell, or missing when null.</summary>
    public static Cell Of(decimal? n) => new(n, null);

    /// <summary>A text cell, or missing when null or empty.</summary>
    public static Cell Of(string? text) => new(null, string.IsNullOrEmpty(text) ? null : text);

    /// <summary>The cell's text as a reader of the file sees it (invariant culture; "" when missing).</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text ?? "";
}
