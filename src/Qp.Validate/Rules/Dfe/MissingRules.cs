using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on the Missing table (episodes missing or away from placement without authorisation).</summary>
public static class MissingRules
{
    private static readonly TableSchema T = Tables.Missing;

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        ValidDate("1004", T, "MIS_START", required: true),
        ValidDate("1005", T, "MIS_END"),
        InList("1006", T, "MISSING", Codes.MissingType),
        Row("564", Since2023, T, ["MISSING", "MIS_START"], "A missing or away episode (MISSING M or A) needs its MIS_START",
            (r, _) => r["MISSING"] is "M" or "A" && r["MIS_START"] is null ? ("MIS_START", $"MISSING is {r["MISSING"]} but MIS_START is blank") : null),
        Row("565", Since2023, T, ["MISSING", "MIS_START"], "MISSING must be given when MIS_START is",
            (r, _) => r["MIS_START"] is not null && r["MISSING"] is null ? ("MISSING", "MIS_START is given but MISSING is blank") : null),
        Row("566", Since2023, T, ["MISSING", "MIS_END"], "MIS_END may be given only when MISSING is",
            (r, _) => r["MIS_END"] is not null && r["MISSING"] is null ? ("MIS_END", "MIS_END is given but MISSING is blank") : null),
        Row("567", Since2023, T, ["MIS_START", "MIS_END"], "MIS_END must not be before MIS_START",
            (r, _) => Dt(r, "MIS_START") is { } s && Dt(r, "MIS_END") is { } e && s > e
                ? ("MIS_END", $"MIS_END {Codes.Show(e)} is before MIS_START {Codes.Show(s)}") : null),
        Row("570", Since2023, T, ["MIS_START"], "MIS_START must not be after the end of the collection year",
            (r, c) => Dt(r, "MIS_START") is { } s && s > c.YearEnd ? ("MIS_START", $"MIS_START {Codes.Show(s)} is after 31 March of the collection year") : null),
        Row("571", Since2023, T, ["MIS_END"], "MIS_END, when given, must be within the collection year",
            (r, c) => Dt(r, "MIS_END") is { } e && (e < c.YearStart || e > c.YearEnd) ? ("MIS_END", $"MIS_END {Codes.Show(e)} is outside the collection year") : null),
        Row("586", Since2023, T, ["MIS_START", "DOB"], "MIS_START must be after the child's date of birth",
            (r, _) => Dt(r, "MIS_START") is { } s && Dt(r, "DOB") is { } dob && s <= dob ? ("MIS_START", "MIS_START is not after the child's date of birth") : null),
    ];

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("580", Since2023, "Episodes", ["REC", "MIS_END"], "A child missing when care ended on the 18th birthday (MIS_END = DEC = 18th birthday) must have REC E8",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var at18 = c.Rows(T).Select(r => Dt(r, "MIS_END") is { } e && Dt(r, "DOB") is { } dob && e == dob.AddYears(18) ? e : (DateOnly?)null)
                    .Where(d => d is not null).ToHashSet();
                if (at18.Count == 0) return;
                foreach (var e in c.Episodes)
                    if (e.Dec is { } dec && at18.Contains(dec) && e.Rec != "E8")
                        FlagEpisode(ctx, rule, e, "the child was missing on the 18th birthday when the episode ended, but REC is not E8");
            }),
        Child("574", Since2023, "Missing", ["MIS_START", "MIS_END"], "A child's missing episodes must not overlap, and only the latest may be open",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                // Ordered as the DfE orders them: by MIS_END (an open one at its start), then MIS_START.
                var rows = c.Rows(T).Select(r => (Row: r, Start: Dt(r, "MIS_START"), End: Dt(r, "MIS_END")))
                    .OrderBy(x => x.End ?? x.Start ?? DateOnly.MaxValue).ThenBy(x => x.Start ?? DateOnly.MaxValue).ToArray();
                for (int i = 1; i < rows.Length; i++)
                {
                    var (prev, cur) = (rows[i - 1], rows[i]);
                    if (prev.End is null) Flag(ctx, rule, cur.Row, "MIS_START", "an earlier missing episode of this child is still open (MIS_END blank)");
                    else if (cur.Start is { } s && s < prev.End) Flag(ctx, rule, cur.Row, "MIS_START", $"MIS_START {Codes.Show(s)} is before the end of the child's previous missing episode ({Codes.Show(prev.End.Value)})");
                }
            }),
        Child("575", Since2023, "Missing", ["MIS_END"], "A missing episode that began in a placement that has ended must have ended too (MIS_END given)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var r in c.Rows(T))
                    if (r["MIS_END"] is null && Dt(r, "MIS_START") is { } s && c.Episodes.Any(e => e.Dec is { } dec && s >= e.Decom && s <= dec))
                        Flag(ctx, rule, r, "MIS_END", "MIS_END is blank but the episode the child went missing from has ended");
            }),
        Child("577", Since2023, "Missing", ["MIS_END"], "A missing episode must end within a period of care, and may stay open only when the period of care is open",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var periods = Periods(c);
                foreach (var r in c.Rows(T))
                {
                    if (r["MIS_START"] is null) continue;
                    var s = Dt(r, "MIS_START");
                    var e = Dt(r, "MIS_END");
                    bool Outside((DateOnly From, DateOnly? To) p) =>
                        (e is null && p.To is not null)
                        || (e is null && s is { } st && st < p.From)
                        || (e is { } en && ((p.To is { } to && en > to) || en < p.From));
                    if (periods.Count > 0 && periods.All(Outside))
                        Flag(ctx, rule, r, "MIS_END", e is null ? "MIS_END is blank but no open period of care contains the missing episode"
                            : $"MIS_END {Codes.Show(e.Value)} is not within any of the child's periods of care");
                }
            }),
        Child("578", Since2023, "Missing", ["MIS_START"], "A missing episode must start within one of the child's periods of care",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var periods = Periods(c);
                foreach (var r in c.Rows(T))
                    if (Dt(r, "MIS_START") is { } s && (periods.Count > 0 && periods.All(p => s < p.From || (p.To is { } to && s > to))))
                        Flag(ctx, rule, r, "MIS_START", $"MIS_START {Codes.Show(s)} is outside every period of care of the child");
            }),
        Child("581", Since2023, "Missing", ["MIS_START"], "A missing episode must start within one of the child's episodes",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var r in c.Rows(T))
                    if (c.Episodes.Count > 0 && Dt(r, "MIS_START") is var s && (s is null || !c.Episodes.Any(e => s >= e.Decom && (e.Dec is null || s <= e.Dec))))
                        Flag(ctx, rule, r, "MIS_START", s is null ? "MIS_START is missing or invalid, so it is within no episode of the child" : $"MIS_START {Codes.Show(s.Value)} is not within any episode of the child");
            }),
    ];

    /// <summary>The child's periods of care: runs of episodes each starting on or before the previous one's DEC.</summary>
    internal static List<(DateOnly From, DateOnly? To)> Periods(ChildFacts c)
    {
        var list = new List<(DateOnly From, DateOnly? To)>();
        foreach (var e in c.Ordered)
        {
            if (list.Count > 0 && (list[^1].To is null || e.Decom <= list[^1].To)) list[^1] = (list[^1].From, e.Dec);
            else list.Add((e.Decom, e.Dec));
        }
        return list;
    }
}
