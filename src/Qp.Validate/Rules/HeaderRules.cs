using System.Text.RegularExpressions;
using Qp.Domain;
using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>Header rules (1xx): one row per child looked after in the year.</summary>
public static partial class HeaderRules
{
    private static readonly TableSchema T = Tables.Header;

    [GeneratedRegex("^([A-Z][0-9]{11}[0-9A-Z]|UN[1-5])$")]
    private static partial Regex UpnFormat();

    /// <summary>Every Header row rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Required("E101", T, "CHILD"),
        InList("E102", T, "SEX", Codes.Sex, blankFires: true) with { DfeCode = "101" },
        InList("E103", T, "ETHNIC", Codes.Ethnic, blankFires: true) with { DfeCode = "103" },
        Required("E104", T, "DOB") with { DfeCode = "102" },
        Date("E105", T, "DOB") with { DfeCode = "102" },
        NotLate("E106", T, "DOB") with { DfeCode = "301" },
        Flags("E108", T, "MOTHER"),
        Date("E109", T, "MC_DOB") with { DfeCode = "171" },
        Check("E110", E, T, ["MC_DOB", "MOTHER"], "MC_DOB may be given only when MOTHER is 1",
            (r, _) => r["MC_DOB"] is not null && r["MOTHER"] != "1" ? ("MC_DOB", "MC_DOB is given but MOTHER is not 1") : null) with { Years = YearsInForce.Until(2022) }, // the DfE's 174 and 612 from 2022-23
        Check("E111", E, T, ["MOTHER", "SEX"], "MOTHER may be 1 only when SEX is 2 (female)",
            (r, _) => r["MOTHER"] == "1" && r["SEX"] == "1" ? ("MOTHER", "MOTHER is 1 but SEX is 1 (male)") : null) with { Years = YearsInForce.Until(2022) }, // the DfE has no such rule
        Check("W112", W, T, ["UPN"], "UPN should be 13 characters (a letter, 11 digits, a digit or letter) or UN1–UN5",
            (r, _) => r["UPN"] is { } u && !UpnFormat().IsMatch(u) ? ("UPN", "UPN is not in the UPN format (letter, 11 digits, digit or letter; or UN1–UN5)") : null) with { Years = YearsInForce.Until(2022) }, // the DfE's 168 from 2022-23
        Check("E113", E, T, ["MC_DOB", "DOB"], "MC_DOB must be after DOB",
            (r, _) => Codes.Date(r["MC_DOB"]) is { } mc && Codes.Date(r["DOB"]) is { } dob && mc <= dob ? ("MC_DOB", "MC_DOB is not after the child's DOB") : null) with { DfeCode = "621" },
    ];
}
