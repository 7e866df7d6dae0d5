using System.Globalization;
using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Domain.Statements;

/// <summary>How figures and enumerations are written in words, the same in every renderer.</summary>
public static class Words
{
    /// <summary>The culture every figure is written in.</summary>
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Shown for a figure that is not stored.</summary>
    public const string Missing = "–";

    /// <summary>What the percentage is "of", per indicator, so a reading's first sentence reads naturally.</summary>
    private static readonly Dictionary<string, string> Phrases = new()
    {
        ["A1"] = "of children looked after at 31 March had three or more placements in the year",
        ["A2"] = "of young people leaving care aged 16 or over left with at least one GCSE (A*–G) or GNVQ",
        ["A3"] = "of registrations on the child protection register were of children registered before",
        ["B7"] = "of children looked after at 31 March were in foster placements or placed for adoption",
        ["C23"] = "of children looked after for six months or more were adopted during the year",
        ["D78"] = "of children under 16 looked after for two and a half years or more had been in the same placement for at least two years",
        ["HA"] = "of children looked after for twelve months had up-to-date health assessments",
    };

    /// <summary>A percentage to one decimal place, e.g. "12.4%"; "–" when missing.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", Inv) + "%" : Missing;

    /// <summary>"1 authority", "3 authorities".</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString("#,0", Inv)} {(n == 1 ? one : many)}";

    /// <summary>1st, 2nd, 3rd, 11th, 22nd.</summary>
    public static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>"At least 80% by 2008" → "at least 80% by 2008", for a label inside a sentence; acronyms stay as they are.</summary>
    public static string LowerFirst(string s) => s.Length > 0 && char.IsUpper(s[0]) && (s.Length == 1 || !char.IsUpper(s[1])) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    /// <summary>What the indicator's percentage is "of", e.g. "of children looked after at 31 March had three or more placements in the year".</summary>
    public static string Phrase(IndicatorDefinition d) => Phrases.TryGetValue(d.Id, out var p) ? p : $"was the value of {d.Title}";

    /// <summary>A target value with its direction in words, e.g. "no more than 16.0%".</summary>
    public static string TargetPhrase(IndicatorDefinition d, double? targetValue)
    {
        if (targetValue is not { } v) return "no target";
        var kind = d.Targets.Count > 0 ? d.Targets[^1].Kind : TargetKind.Maximum;
        return kind == TargetKind.Minimum ? $"at least {Percent(v)}" : $"no more than {Percent(v)}";
    }

    /// <summary>A stored target status as its label.</summary>
    public static string Of(TargetStatus s) => s switch
    {
        TargetStatus.Met => "Met",
        TargetStatus.NotMet => "Not met",
        TargetStatus.NotYetDue => "Not yet due",
        _ => "No target",
    };

    /// <summary>The comparison with England as a word.</summary>
    public static string Of(VsEngland v) => v switch
    {
        VsEngland.Better => "Better",
        VsEngland.Similar => "Similar",
        VsEngland.Worse => "Worse",
        _ => "Not compared",
    };

    /// <summary>The trend as words.</summary>
    public static string Of(Trend t) => t switch
    {
        Trend.Increasing => "Increasing",
        Trend.Decreasing => "Decreasing",
        Trend.NoSignificantChange => "No significant change",
        _ => "Cannot be calculated",
    };

    /// <summary>The indicator's direction in words.</summary>
    public static string Of(Polarity p) => p == Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";
}
