using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Render.Excel;

/// <summary>The words a reader sees for the stored enumerations; the same on every sheet.</summary>
internal static class Labels
{
    public static string Of(TargetStatus s) => s switch
    {
        TargetStatus.Met => "Met",
        TargetStatus.NotMet => "Not met",
        TargetStatus.NotYetDue => "Not yet due",
        _ => "No target",
    };

    public static string Of(VsEngland v) => v switch
    {
        VsEngland.Better => "Better",
        VsEngland.Similar => "Similar",
        VsEngland.Worse => "Worse",
        _ => "Not compared",
    };

    public static string Of(Trend t) => t switch
    {
        Trend.Increasing => "Increasing",
        Trend.Decreasing => "Decreasing",
        Trend.NoSignificantChange => "No significant change",
        _ => "Cannot be calculated",
    };

    public static string Of(Polarity p) => p == Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";
}
