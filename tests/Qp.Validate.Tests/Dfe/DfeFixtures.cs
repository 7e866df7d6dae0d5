namespace Qp.Validate.Tests.Dfe;

/// <summary>
/// Small valid returns of the DfE's years (Header and Episodes only), edited cell by cell so each case breaks one rule.
/// Child 1001 (boy, MOTHER blank as DfE 165 asks, born 01/05 twelve years before the year ends): in care since 10 January two years before the year began (S, U4),
/// moved on 1 June (X1 with a reason, then P into U5) and still looked after at 31 March. Child 1002 (girl aged 15, a mother):
/// in care since 1 February of the year before (S, K2), left care on 1 December (E8). 2022-23 to 2024-25 shift the same dates;
/// 2025-26 keeps every date before the tests' "today" (1 June 2025).
/// </summary>
public static class DfeFixtures
{
    /// <summary>The valid return of collection year <paramref name="year"/> (2023 to 2026).</summary>
    public static ReturnFixture Base(int year)
    {
        if (year == 2026) return Build(2026, "M", "F", "01/05/2012", "15/08/2010", "01/02/2025",
            "10/01/2022", "01/05/2025", "01/02/2023", "01/05/2025");
        int y = year - 2023;
        string D(string dayMonth, int yearOf2023Base) => $"{dayMonth}/{yearOf2023Base + y}";
        return Build(year, year >= 2025 ? "M" : "1", year >= 2025 ? "F" : "2", D("01/05", 2010), D("15/08", 2007), D("01/02", 2022),
            D("10/01", 2020), D("01/06", 2022), D("01/02", 2021), D("01/12", 2022));
    }

    private static ReturnFixture Build(int year, string male, string female, string dob1, string dob2, string mcDob,
        string start1, string move1, string start2, string end2) => new(year, new()
    {
        ["Header"] =
        [
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            ["1001", male, dob1, "WBRI", "A123456789012", "", ""],
            ["1002", female, dob2, "BAFR", "B12345678901C", "1", mcDob],
        ],
        ["Episodes"] =
        [
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
            ["1001", start1, "S", "C2", "N1", "U4", "PR1", move1, "X1", "CARPL", "TS24 8AA", "TS25 1AA", "1234567"],
            ["1001", move1, "P", "C2", "N1", "U5", "PR1", "", "", "", "TS24 8AA", "TS26 9AA", "7654321"],
            ["1002", start2, "S", "C2", "N2", "K2", "PR1", end2, "E8", "", "TS24 8AA", "TS27 2AA", "1111111"],
        ],
    });
}
