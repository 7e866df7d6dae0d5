using Qp.Domain;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules over a child's Header row and episodes together: ages at episodes, MOTHER and UPN against care (codes as the DfE numbers them).</summary>
public static class DfeChildRules
{
    private const string T = "Episodes", H = "Header";

    /// <summary>Flags each episode with placement <paramref name="place"/> that began before the child was <paramref name="age"/>.</summary>
    /// <remarks>Like the DfE's validator, only episodes with a DEC are checked.</remarks>
    private static void TooYoungFor(ChildFacts c, RuleContext ctx, Rule rule, string place, int age)
    {
        if (c.Dob is not { } dob) return;
        foreach (var e in c.Episodes)
            if (e.Place == place && e.Dec is not null && e.Decom < dob.AddYears(age))
                ctx.Report(rule, e.Row, $"PLACE {place} began when the child was {CollectionYear.AgeOn(dob, e.Decom)}, under {age}");
    }

    /// <summary>Flags each ended episode with a REC in <paramref name="recs"/> whose DEC fails <paramref name="bad"/> (given DOB and DEC).</summary>
    private static void AgeAtEnd(ChildFacts c, RuleContext ctx, Rule rule, string[] recs, Func<DateOnly, DateOnly, bool> bad, string why)
    {
        if (c.Dob is not { } dob) return;
        foreach (var e in c.Episodes)
            if (e.Rec is { } rec && Array.IndexOf(recs, rec) >= 0 && e.Dec is { } dec && bad(dob, dec))
                ctx.Report(rule, e.Row, $"REC {rec} but the child was {CollectionYear.AgeOn(dob, dec)} at DEC ({why})");
    }

    private static bool LookedAfterOtherThanShortBreaks(ChildFacts c)
    {
        foreach (var e in c.Episodes) if (!IsShortBreak(e.Ls)) return true;
        return false;
    }

    /// <summary>Every DfE rule over Header and Episodes together.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        Child("210", T, ["UPN", "DECOM"], "UPN UN4 (not yet obtained) is not allowed for a child whose episode starts a week or more before 31 March",
            (c, ctx, rule) =>
            {
                if (c.UpnKind != "UN4" || c.HeaderRows.Count == 0) return;
                var limit = new DateOnly(ctx.YearEnd.Year, 3, 24);
                foreach (var e in c.Episodes)
                    if (e.Decom >= limit) ctx.Report(rule, e.DecomAt, "UPN is UN4 but this episode starts on or after 24 March");
            }),
        Child("234", T, ["REASON_PLACE_CHANGE", "DOB"], "A child under 10 cannot change placement because of custody (REASON_PLACE_CHANGE CUSTOD)",
            (c, ctx, rule) =>
            {
                if (c.Dob is not { } dob) return;
                foreach (var e in c.Episodes)
                    if (e.ReasonPlaceChange == "CUSTOD" && e.Decom < dob.AddYears(10)) ctx.Report(rule, e.Row, "REASON_PLACE_CHANGE is CUSTOD but the child was under 10");
            }, YearsInForce.Since(2026)),
        Child("352", T, ["DECOM", "RNE"], "A child cannot start to be looked after (RNE S) aged 18 or over",
            (c, ctx, rule) =>
            {
                if (c.Dob is not { } dob) return;
                foreach (var e in c.Episodes)
                    if (e.Rne == "S" && e.Decom >= dob.AddYears(18)) ctx.Report(rule, e.RneAt, "RNE is S but the child was 18 or over at DECOM");
            }),
        Child("358", T, ["DECOM", "DOB", "LS"], "A child under 10 (on or before the 10th birthday) cannot have a youth justice legal status (J1–J3)",
            (c, ctx, rule) =>
            {
                if (c.Dob is not { } dob) return;
                foreach (var e in c.Episodes)
                    if (e.Ls is "J1" or "J2" or "J3" && dob.AddYears(10) >= e.Decom) ctx.Report(rule, e.Row, $"LS {e.Ls} but the child was not over 10 at DECOM");
            }),
        Child("359", T, ["DEC", "LS", "PLACE"], "A child looked after at the end of the year after turning 18 must be under section 20 (LS V2) in a community home (K2)",
            (c, ctx, rule) =>
            {
                if (c.Dob is not { } dob || dob.AddYears(18) >= ctx.YearEnd) return;
                foreach (var e in c.Episodes)
                    if (e.Dec is null && !(e.Ls == "V2" && e.Place == "K2")) ctx.Report(rule, e.Row, $"the child is 18 or over and still looked after under LS {e.Ls} in PLACE {e.Place}, not V2 in K2");
            }),
        Child("370", T, ["DECOM", "PLACE"], "A child in independent living (P2) must be at least 15 (16 from 2023-24)",
            (c, ctx, rule) => TooYoungFor(c, ctx, rule, "P2", ctx.Year >= 2024 ? 16 : 15), YearsInForce.Between(2023, 2024)),
        Child("371", T, ["DECOM", "PLACE"], "A child in semi-independent living (H5) must be at least 14 (16 in 2023-24); from 2024-25 a child in supported accommodation (K3) at least 16",
            (c, ctx, rule) =>
            {
                if (ctx.Year >= 2025) TooYoungFor(c, ctx, rule, "K3", 16);
                else TooYoungFor(c, ctx, rule, "H5", ctx.Year >= 2024 ? 16 : 14);
            }),
        Child("372", T, ["DECOM", "PLACE"], "A child in youth custody or prison (R5) must be at least 10",
            (c, ctx, rule) => TooYoungFor(c, ctx, rule, "R5", 10)),
        Child("373", T, ["DECOM", "PLACE"], "A child placed in a school (S1) must be at least 4",
            (c, ctx, rule) => TooYoungFor(c, ctx, rule, "S1", 4)),
        Child("374", T, ["DECOM", "PLACE"], "A child in residential employment (P3) must be at least 14",
            (c, ctx, rule) => TooYoungFor(c, ctx, rule, "P3", 14)),
        Child("386", T, ["REC"], "A child adopted (REC E11 or E12) must be under 18 at DEC",
            (c, ctx, rule) => AgeAtEnd(c, ctx, rule, ["E11", "E12"], (dob, dec) => dec >= dob.AddYears(18), "adoption needs a child under 18")),
        Child("387", T, ["REC"], "A child moving to independent living (REC E5 or E6) must be at least 14 at DEC",
            (c, ctx, rule) => AgeAtEnd(c, ctx, rule, ["E5", "E6"], (dob, dec) => dec < dob.AddYears(14), "independent living needs 14 or over")),
        // Unlike 386 and 387, the DfE's check also fails an E7 episode whose DEC or DOB is unknown: being 16 at DEC cannot be shown.
        Child("389", T, ["REC"], "A child transferred to adult social care (REC E7) must be shown to be at least 16 at DEC",
            (c, ctx, rule) =>
            {
                foreach (var e in c.Episodes)
                    if (e.Rec == "E7" && !(c.Dob is { } dob && e.Dec is { } dec && dec >= dob.AddYears(16)))
                        ctx.Report(rule, e.Row, c.Dob is { } d && e.Dec is { } end
                            ? $"REC E7 but the child was {CollectionYear.AgeOn(d, end)} at DEC (adult social care needs 16 or over)"
                            : "REC E7 but DEC or the child's DOB is unknown, so being 16 or over cannot be shown");
            }),
        Child("393", H, ["MOTHER"], "MOTHER must be given for a girl looked after other than on short breaks",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count > 0 && c.Mother is null && Female(c.Sex, ctx.Year) && LookedAfterOtherThanShortBreaks(c))
                    ctx.Report(rule, c.HeaderRows[0], "MOTHER is blank for a girl who is looked after");
            }),
        Child("407", T, ["DEC", "DOB", "REC"], "A child leaving care under a special guardianship or child arrangements order (REC E45–E48) must not be over 18 at DEC",
            (c, ctx, rule) => AgeAtEnd(c, ctx, rule, ["E45", "E46", "E47", "E48"], (dob, dec) => dob.AddYears(18) < dec, "the order needs a child not over 18")),
        Child("442", H, ["UPN"], "UPN must be given for a child looked after other than on short breaks (UN1–UN5 when unknown)",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count > 0 && c.UpnKind is null && LookedAfterOtherThanShortBreaks(c))
                    ctx.Report(rule, c.HeaderRows[0], "UPN is blank for a child who is looked after");
            }),
        Child("460", T, ["DEC", "REC"], "A child staying with their carers at 18 (REC E17) must be 18 or over at DEC",
            (c, ctx, rule) => AgeAtEnd(c, ctx, rule, ["E17"], (dob, dec) => dob.AddYears(18) > dec, "staying put needs 18 or over")),
        Child("607", T, ["DEC", "REC", "MOTHER", "LS", "SEX"], "MOTHER must be given for a girl who ceased to be looked after in the year other than from short breaks",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count == 0 || c.Mother is not null || !Female(c.Sex, ctx.Year)) return;
                foreach (var e in c.Episodes)
                    if (e.Dec is { } dec && e.Rec is not (null or "X1") && !IsShortBreak(e.Ls) && dec >= ctx.YearStart && dec <= ctx.YearEnd)
                        ctx.Report(rule, e.Row, "the girl ceased to be looked after in the year but MOTHER is blank");
            }),
        Child("625", H, ["MC_DOB", "DEC"], "MC_DOB must not be after the end of the year nor after the child's latest DEC",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count == 0 || c.McDob is not { } mc) return;
                DateOnly? last = null;
                foreach (var e in c.Episodes) if (e.Dec is { } d && (last is null || d > last)) last = d;
                if (last is { } dec && (mc > ctx.YearEnd || mc > dec))
                    ctx.Report(rule, c.HeaderRows[0], "MC_DOB is after the end of the year or after the child's latest DEC");
            }),
    ];
}
