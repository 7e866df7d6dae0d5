using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on the Reviews table.</summary>
public static class ReviewsRules
{
    private static readonly TableSchema T = Tables.Reviews;

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        ValidDate("166", T, "REVIEW", required: true),
        Row("167", Since2023, T, ["REVIEW_CODE", "REVIEW"], $"A review needs a participation code REVIEW_CODE ({Codes.ReviewCode.Describe()}); both are blank or both given",
            (r, c) => (r["REVIEW"], r["REVIEW_CODE"]) switch
            {
                (null, null) => null,
                (null, _) => ("REVIEW_CODE", "REVIEW_CODE is given but REVIEW is blank"),
                (_, null) => ("REVIEW_CODE", "REVIEW is given but REVIEW_CODE is blank"),
                (_, { } v) when !Codes.ReviewCode.Contains(v, c.Year) => ("REVIEW_CODE", $"REVIEW_CODE '{v}' is not one of {Codes.ReviewCode.Describe()}"),
                _ => null,
            }),
        Row("440", Since2023, T, ["REVIEW_CODE", "REVIEW", "DOB"], "PN0 (child under 4) is only for reviews held before the child's 4th birthday",
            (r, _) => r["REVIEW_CODE"] == "PN0" && Dt(r, "REVIEW") is { } rv && Dt(r, "DOB") is { } dob && rv > dob.AddYears(4)
                ? ("REVIEW_CODE", "REVIEW_CODE is PN0 (under 4) but the review was held after the child's 4th birthday") : null),
        Row("441", Since2023, T, ["REVIEW_CODE", "REVIEW", "DOB"], "PN1–PN7 are for reviews held on or after the child's 4th birthday",
            (r, _) => r["REVIEW_CODE"] is "PN1" or "PN2" or "PN3" or "PN4" or "PN5" or "PN6" or "PN7" && Dt(r, "REVIEW") is { } rv && Dt(r, "DOB") is { } dob && rv < dob.AddYears(4)
                ? ("REVIEW_CODE", $"REVIEW_CODE is {r["REVIEW_CODE"]} but the review was held before the child's 4th birthday (use PN0)") : null),
    ];

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("399", Since2023, "Reviews", ["LS", "MOTHER", "REVIEW", "REVIEW_CODE"], "A child only ever on short breaks (every episode LS V3/V4) has no MOTHER and no reviews",
            (c, ctx, rule) =>
            {
                if (c.Episodes.Count == 0 || c.HasInvalidEpisodes || c.Episodes[0].Ls is not ("V3" or "V4") || !c.Episodes.All(e => e.Ls is "V3" or "V4")) return;
                bool any = false;
                if (c.Mother is not null && c.HeaderRows.Count > 0)
                {
                    ctx.Report(rule, c.HeaderRows[0], "MOTHER is given for a child whose episodes are all short breaks (LS V3/V4)");
                    any = true;
                }
                foreach (var r in c.Rows(T))
                    if (r["REVIEW"] is not null || r["REVIEW_CODE"] is not null)
                    {
                        Flag(ctx, rule, r, "REVIEW", "a review is recorded for a child whose episodes are all short breaks (LS V3/V4)");
                        any = true;
                    }
                if (any && c.Mother is null && c.HeaderRows.Count > 0) ctx.Report(rule, c.HeaderRows[0], "the child is only on short breaks but has reviews recorded");
                if (any)
                    foreach (var e in c.Episodes) FlagEpisode(ctx, rule, e, "the child is only on short breaks but has MOTHER or reviews recorded");
            }),
    ];
}
