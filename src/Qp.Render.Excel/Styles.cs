using ClosedXML.Excel;
using Qp.Domain.Results;

namespace Qp.Render.Excel;

/// <summary>Number formats and fills shared by every sheet, so a figure looks the same wherever it appears.</summary>
internal static class Styles
{
    /// <summary>Percentages are stored as the percent itself (12.3, not 0.123) so cells equal the stored results; headers say "(%)".</summary>
    public const string Percent = "0.0";

    /// <summary>Percentage-point changes, signed.</summary>
    public const string Change = "+0.0;-0.0;0.0";

    /// <summary>Counts with thousands separators.</summary>
    public const string Count = "#,##0";

    /// <summary>Small whole numbers (ranks, bands, years) where a separator would look odd.</summary>
    public const string Whole = "0";

    /// <summary>Test statistics.</summary>
    public const string Statistic = "0.00";

    public static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE4EE");
    public static readonly XLColor GridLine = XLColor.FromHtml("#BFBFBF");
    public static readonly XLColor FocusFill = XLColor.FromHtml("#FFF2CC");
    public static readonly XLColor NeighbourFill = XLColor.FromHtml("#EAF1FB");
    public static readonly XLColor NoteText = XLColor.FromHtml("#404040");

    /// <summary>Fill and font colour for a target status; null when it gets no colour.</summary>
    public static (XLColor Fill, XLColor Font)? For(TargetStatus s) => s switch
    {
        TargetStatus.Met => (XLColor.FromHtml("#C6EFCE"), XLColor.FromHtml("#006100")),
        TargetStatus.NotMet => (XLColor.FromHtml("#FFC7CE"), XLColor.FromHtml("#9C0006")),
        TargetStatus.NotYetDue => (XLColor.FromHtml("#FFEB9C"), XLColor.FromHtml("#7F4F00")),
        _ => null,
    };

    /// <summary>Fill for a quartile band, A (best) to D (worst); null for none.</summary>
    public static XLColor? ForBand(string? band) => band switch
    {
        "A" => XLColor.FromHtml("#A9D8B8"),
        "B" => XLColor.FromHtml("#DCEFD9"),
        "C" => XLColor.FromHtml("#FCE4D6"),
        "D" => XLColor.FromHtml("#F4B183"),
        _ => null,
    };

    /// <summary>The statuses shown in the legend, in reading order.</summary>
    public static readonly TargetStatus[] LegendStatuses = [TargetStatus.Met, TargetStatus.NotMet, TargetStatus.NotYetDue];

    /// <summary>The bands shown in the legend with their meanings.</summary>
    public static readonly (string Band, string Label)[] LegendBands =
        [("A", "A: best quarter"), ("B", "B: second quarter"), ("C", "C: third quarter"), ("D", "D: worst quarter")];
}
