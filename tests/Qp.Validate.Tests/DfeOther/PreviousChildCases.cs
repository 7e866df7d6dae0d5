namespace Qp.Validate.Tests.DfeOther;

/// <summary>
/// Fixtures of the DfE's rules comparing a child's Header, UASC, PlacedAdoption, Missing, OC3 and DoLo rows with last year's return,
/// and of the simple rules 231, 542 and 580: each gives <see cref="DfeBase"/> (2022-23 unless the rule starts later) a hand-made
/// last year's return (<see cref="Prev"/>) that breaks the rule, and a near neighbour that does not.
/// </summary>
public sealed class PreviousChildCases : IRuleCaseSet
{
    private static ReturnFixture B(int y = 2023) => DfeBase.Return(y);

    private static Location A(string t, int line, string col = "") =>
        new($"{t}.csv", line, col.Length == 0 ? 0 : Tables.ByName(t)!.IndexOf(col) + 1);

    /// <summary>A row of last year's <paramref name="table"/> for <paramref name="child"/>: "COLUMN=value" pairs (blank = null; a later pair of the same column wins).</summary>
    public static PreviousRow R(string table, string child, params string[] fields) =>
        new(table, child, fields.Select(f => f.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1] is { Length: > 0 } v ? v : null));

    /// <summary>Last year's return (the year before <paramref name="year"/>) with exactly these rows and no episodes.</summary>
    public static PreviousReturn Prev(int year, params PreviousRow[] rows) => new(year - 1, [], rows);

    private static ReturnFixture WithLast(params PreviousRow[] rows) => B().WithPrevious(Prev(2023, rows));

    // Last year's Header row of 101 as this year's, with some fields changed.
    private static PreviousRow H101(params string[] changed) =>
        R("Header", "101", ["SEX=2", "DOB=10/06/2012", "ETHNIC=WBRI", "UPN=A12345678901B", "MOTHER=0", "MC_DOB=", .. changed]);

    private static ReturnFixture Hd(params string[] changed) => WithLast(H101(changed));

    // 101 a mother this year whose first child was born before the year began.
    // 101 a mother this year (first child born 01/01/2022) and last year, when the first child's date given was lastMcDob.
    private static ReturnFixture MotherWithFirstChild(string lastMcDob) =>
        B().Set("Header", 2, "MOTHER", "1").Set("Header", 2, "MC_DOB", "01/01/2022").WithPrevious(Prev(2023, H101("MOTHER=1", "MC_DOB=" + lastMcDob)));

    private static ReturnFixture Mother(string lastMother) =>
        B().Set("Header", 2, "MOTHER", "1").Set("Header", 2, "MC_DOB", "01/01/2022").WithPrevious(Prev(2023, H101("MOTHER=" + lastMother)));

    private static readonly PreviousRow H102 = R("Header", "102", "SEX=1", "DOB=05/03/2005");
    private static readonly PreviousRow H104 = R("Header", "104", "SEX=1", "DOB=01/09/2006");

    private static ReturnFixture Pa(params string[] last) => WithLast(R("PlacedAdoption", "103", ["DOB=01/06/2019", .. last]));

    // 102 ceases on his 18th birthday (05/03/2023) while missing.
    private static ReturnFixture MissingAt18(string rec) => B().Set("Episodes", 3, "DEC", "05/03/2023").Set("Episodes", 3, "REC", rec)
        .Add("Missing", "102", "05/03/2005", "M", "01/03/2023", "05/03/2023");

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        new("202", () => Hd("SEX=1"), A("Header", 2, "SEX"), () => Hd()),
        new("203", () => Hd("DOB=11/06/2012"), A("Header", 2, "DOB"), () => Hd("DOB=10/06/2012")),
        new("204", () => Hd("ETHNIC=WIRI"), A("Header", 2, "ETHNIC"), () => Hd("ETHNIC=wbri")),
        new("208", () => Hd("UPN=A12345678901C"), A("Header", 2, "UPN"), () => Hd("UPN=UN3")),
        // 624 compares two given dates (a blank MC_DOB this year contradicts nothing: see PreviousChildRuleTests).
        new("624", () => MotherWithFirstChild("01/01/2021"), A("Header", 2, "MC_DOB"), () => MotherWithFirstChild("01/01/2022")),
        new("626", () => Mother("0"), A("Header", 2, "MOTHER"), () => Mother("")),
        new("207", () => Hd("MOTHER=1"), A("Header", 2), () => Hd("MOTHER=0")),
        // 102 was UASC last year, with no date of ceasing within that year, and is not UASC now.
        new("205A", () => WithLast(H102, R("UASC", "102", "DOB=05/03/2005", "DUC=")), A("Header", 3),
            () => WithLast(H102, R("UASC", "102", "DOB=05/03/2005", "DUC=01/06/2021"))),
        // 104 UASC both years: last year's DUC must be his 18th birthday (01/09/2024), this year's the same or within the year.
        new("205B", () => WithLast(H104, R("UASC", "104", "DOB=01/09/2006", "DUC=")), A("UASC", 2, "DUC"),
            () => B().Set("UASC", 2, "DUC", "01/09/2024").WithPrevious(Prev(2023, H104, R("UASC", "104", "DOB=01/09/2006", "DUC=01/09/2024")))),
        // 105 has a UASC row with a DUC but no Header row, and was not UASC last year.
        new("205C", () => B().Add("UASC", "105", "1", "01/01/2006", "01/06/2022").WithPrevious(Prev(2023, H102, R("UASC", "102", "DUC="))),
            A("UASC", 3, "DUC"), () => B().Add("UASC", "105", "1", "01/01/2006", "").WithPrevious(Prev(2023, H102, R("UASC", "102", "DUC=")))),
        new("205D", () => WithLast(H104, R("UASC", "102", "DUC=")), A("Header", 5), () => WithLast(H104, R("UASC", "104", "DUC="))),
        new("559", () => WithLast(R("PlacedAdoption", "101", "DATE_PLACED=")), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED=01/02/2022")),
        new("560", () => Pa("DATE_PLACED=15/01/2022"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED=01/02/2022")),
        new("561", () => Pa("DATE_PLACED=01/02/2022", "DATE_PLACED_CEASED=01/03/2022", "REASON_PLACED_CEASED=RD1"), A("PlacedAdoption", 2, "DATE_PLACED"),
            () => Pa("DATE_PLACED=01/02/2022")),
        new("584", () => Pa("DATE_PLACED=01/03/2022", "DATE_PLACED_CEASED=15/03/2022", "REASON_PLACED_CEASED=RD1"), A("PlacedAdoption", 2, "DATE_PLACED"),
            () => Pa("DATE_PLACED=01/01/2022", "DATE_PLACED_CEASED=15/01/2022", "REASON_PLACED_CEASED=RD1")),
        new("576", () => WithLast(R("Missing", "101", "MIS_START=01/03/2022", "MIS_END=")), A("Missing", 2, "MIS_START"),
            () => WithLast(R("Missing", "101", "MIS_START=01/03/2022", "MIS_END=10/03/2022"))),
        new("348", () => B(2026).WithPrevious(Prev(2026, R("OC3", "102", "IN_TOUCH=DIED"))), A("OC3", 2, "IN_TOUCH"),
            () => B(2026).WithPrevious(Prev(2026, R("OC3", "102", "IN_TOUCH=YES")))),
        new("706", () => B(2027).WithPrevious(Prev(2027, R("DoLo", "104", "DOLO_START=01/02/2026", "DOLO_END="))), A("DoLo", 2, "DOLO_START"),
            () => B(2027).WithPrevious(Prev(2027, R("DoLo", "104", "DOLO_START=01/02/2026", "DOLO_END=01/03/2026")))),
        // Simple rules of this year's return alone.
        new("231", () => B(2025).Set("Header", 5, "DOB", "01/09/2015"), A("Header", 5), () => B(2025)),
        new("542", () => B().Set("OC2", 2, "DOB", "01/06/2013"), A("OC2", 2, "CONVICTED"), () => B()),
        new("580", () => MissingAt18("E4A"), A("Episodes", 3), () => MissingAt18("E8")),
    ];
}
