namespace Qp.Export;

/// <summary>How stored figures are rounded for export: to one decimal place, halves away from zero, in decimal arithmetic.</summary>
/// <remarks>
/// The stored value is a binary double, so 12.35 is held as 12.3499999999999996… and rounding the double itself would
/// give 12.3. We convert it to decimal first: .NET's double→decimal conversion keeps at most 15 significant digits, which
/// recovers the decimal the value stands for (12.35, 2.675, 0.05), and then round that half away from zero (12.4, 2.7, 0.1).
/// Values are 100·O/n with counts far below 10^9, so a value that truly lies just below a half differs from it long
/// before the 15th digit, and is never mistaken for one. The result always carries one decimal place (12 → 12.0).
/// </remarks>
public static class ExportNumber
{
    /// <summary>The value rounded to one decimal place, halves away from zero; null stays null; NaN and infinities are missing.</summary>
    public static decimal? Round1(double? value)
    {
        if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v)) return null;
        // Adding 0.0m gives every result one decimal place, so 12 is written "12.0" in CSV and JSON alike.
        return Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero) + 0.0m;
    }
}
