using System.Text.RegularExpressions;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's Header rules checked on each row on its own (codes as the DfE numbers them).</summary>
public static partial class DfeHeaderRules
{
    private static readonly TableSchema T = Tables.Header;

    [GeneratedRegex("^([A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])|UN[1-5])$")]
    private static partial Regex Upn();

    private static readonly RowRule DuplicateUpn = Row("444", T, ["UPN"], "A UPN (other than UN1–UN5) must not be given for two children (every such row is reported)",
        (r, c) => DuplicateUpnCheck(r, c), YearsInForce.Since(2026));

    /// <summary>Remembers each UPN's first row; at its second sighting reports the first row too, so every row sharing a UPN is flagged.</summary>
    private static (string, string)? DuplicateUpnCheck(SourceRow r, RuleContext c)
    {
        if (r["UPN"] is not { } upn || upn is "UN1" or "UN2" or "UN3" or "UN4" or "UN5") return null;
        var seen = c.StateOf<Dictionary<string, (Location At, bool Reported)>>(DuplicateUpn);
        if (!seen.TryGetValue(upn, out var first))
        {
            seen[upn] = (r.At("UPN"), false);
            return null;
        }
        if (!first.Reported)
        {
            c.Report(DuplicateUpn, first.At, "the same UPN is given for another child");
            seen[upn] = (first.At, true);
        }
        return ("UPN", "the same UPN is given for another child");
    }

    /// <summary>Every DfE Header row rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        DuplicateUpn,
        Row("168", T, ["UPN"], "UPN, when given, must be a letter other than I, O or S followed by 12 digits or by 11 digits and a letter, or UN1–UN5",
            (r, _) => r["UPN"] is { } u && !Upn().IsMatch(u) ? ("UPN", "UPN is not a valid pupil number nor one of UN1–UN5") : null),
        Row("174", T, ["SEX", "MC_DOB"], "MC_DOB (a mother's child's birth date) must be blank when SEX is male (1 up to 2023-24, M from 2024-25)",
            (r, c) => r["MC_DOB"] is not null && Male(r["SEX"], c.Year) ? ("MC_DOB", "MC_DOB is given for a child whose SEX is male") : null),
        Row("209", T, ["UPN", "DOB"], "UPN UN1 (not yet of school age) is not allowed for a child aged 4 or more on 31 August two years before the year ends",
            (r, c) => r["UPN"] == "UN1" && Codes.Date(r["DOB"]) is { } dob && dob.AddYears(4) <= new DateOnly(c.YearStart.Year - 1, 8, 31)
                ? ("UPN", "UPN is UN1 but the child was of school age before the year began") : null),
        Row("232", T, ["SEX"], "SEX U (not known) should be checked: the child's sex is reported as unknown",
            (r, _) => r["SEX"] == "U" ? ("SEX", "SEX is U (not known)") : null, YearsInForce.Since(2025), W),
        Row("351", T, ["DOB"], "A child must not be over 25 at the start of the collection year",
            (r, c) => Codes.Date(r["DOB"]) is { } dob && c.YearStart > dob.AddYears(25) ? ("DOB", "the child was over 25 at the start of the collection year") : null),
        Row("611", T, ["MOTHER", "MC_DOB"], "MC_DOB must be given when MOTHER is 1",
            (r, _) => r["MOTHER"] == "1" && r["MC_DOB"] is null ? ("MC_DOB", "MOTHER is 1 but MC_DOB is blank") : null),
        Row("612", T, ["SEX", "MOTHER", "MC_DOB"], "A girl whose MOTHER is 0 or blank must not have an MC_DOB",
            (r, c) => r["MC_DOB"] is not null && r["MOTHER"] is null or "0" && Female(r["SEX"], c.Year)
                ? ("MC_DOB", "MC_DOB is given but MOTHER says the child is not a mother") : null),
        Row("620", T, ["DOB", "MOTHER"], "A child recorded as a mother must be at least 11 at the start of the collection year",
            (r, c) => r["MOTHER"] == "1" && Codes.Date(r["DOB"]) is { } dob && dob.AddYears(11) > c.YearStart
                ? ("MOTHER", "MOTHER is 1 but the child was under 11 at the start of the collection year") : null),
    ];
}
