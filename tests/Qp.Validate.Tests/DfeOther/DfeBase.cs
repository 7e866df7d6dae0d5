using System.Globalization;

namespace Qp.Validate.Tests.DfeOther;

/// <summary>
/// A small valid return of the DfE era with every table the DfE's other rules read, written for 2022-23 and shifted whole years
/// for later years (so every age and gap stays the same). SEX is 1/2 up to 2023-24 and M/F from 2024-25.
/// 101: girl born 10/06/2012, looked after since 01/01/2020 (open, U1): OC2, Reviews, Missing, SWEpisodes.
/// 102: boy born 05/03/2005, looked after 01/02/2021 – 01/03/2023 (E8, left before his 18th birthday): OC3.
/// 103: girl born 01/06/2019, fostered from 01/01/2021, placed for adoption (E1, A4) 01/03/2022, adopted 15/12/2022: AD1, PlacedAdoption.
/// 104: boy born 01/09/2006, came into care 01/06/2022 (K2 in a private children's home, open): UASC, PrevPerm (Z1), SWEpisodes, and from 2026-27 a DoLo.
/// Every placement has an Ofsted URN (rule 218) and the move into adoption gives its reason (rule 225).
/// File lines (1 = header): Header 101–104 on 2–5; Episodes 101 on 2, 102 on 3, 103 on 4–5, 104 on 6; each other table's first row on 2 (SWEpisodes: 101, 104, 102, 103 on 2–5, all open).
/// </summary>
public static class DfeBase
{
    /// <summary>The base return for collection year <paramref name="year"/> (2023 or later).</summary>
    public static ReturnFixture Return(int year = 2023)
    {
        int shift = year - 2023;
        string D(string d) => d.Length == 0 ? d : Shift(d, shift);
        string Sex(string s) => year >= 2025 ? (s == "1" ? "M" : "F") : s;
        var tables = new Dictionary<string, List<List<string>>>
        {
            ["Header"] =
            [
                ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
                ["101", Sex("2"), D("10/06/2012"), "WBRI", "A12345678901B", "0", ""],
                ["102", Sex("1"), D("05/03/2005"), "WBRI", "A12345678902B", "", ""],
                ["103", Sex("2"), D("01/06/2019"), "MWBC", "A12345678903B", "0", ""],
                ["104", Sex("1"), D("01/09/2006"), "AOTH", "UN2", "", ""],
            ],
            ["Episodes"] =
            [
                ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
                ["101", D("01/01/2020"), "S", "C2", "N1", "U1", "PR1", "", "", "", "TS24 8", "TS25 1", "1000101"],
                ["102", D("01/02/2021"), "S", "C2", "N2", "U4", "PR1", D("01/03/2023"), "E8", "", "TS24 8", "TS25 2", "1000102"],
                ["103", D("01/01/2021"), "S", "C2", "N1", "U4", "PR1", D("01/03/2022"), "X1", "CARPL", "TS24 8", "TS25 3", "1000102"],
                ["103", D("01/03/2022"), "B", "E1", "N1", "A4", "PR1", D("15/12/2022"), "E11", "", "TS24 8", "TS26 3", "1000103"],
                ["104", D("01/06/2022"), "S", "C2", "N8", "K2", "PR4", "", "", "", "TS24 8", "TS25 4", "1000104"],
            ],
            ["OC2"] =
            [
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
                 "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
                ["101", D("10/06/2012"), "12", "", "0", "", "1", "1", "1", "0", "", ""],
            ],
            ["OC3"] = [["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], ["102", D("05/03/2005"), "YES", "F2", "S2"]],
            ["AD1"] =
            [
                ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
                ["103", D("01/06/2019"), D("01/02/2022"), D("15/02/2022"), "0", "2", "MF", "L11"],
            ],
            ["PlacedAdoption"] =
            [
                ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                ["103", D("01/06/2019"), D("01/02/2022"), "", ""],
            ],
            ["Missing"] = [["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"], ["101", D("10/06/2012"), "M", D("01/05/2022"), D("03/05/2022")]],
            ["Reviews"] = [["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], ["101", D("10/06/2012"), D("15/09/2022"), "PN1"]],
            ["UASC"] = [["CHILD", "SEX", "DOB", "DUC"], ["104", Sex("1"), D("01/09/2006"), ""]],
            ["PrevPerm"] = [["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"], ["104", D("01/09/2006"), "Z1", "", ""]],
            ["SWEpisodes"] =
            [
                ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["101", D("10/06/2012"), "SW100", D("01/01/2020"), "", "MANAGE"],
                ["104", D("01/09/2006"), "SW200", D("01/06/2022"), "", "MANAGE"],
                ["102", D("05/03/2005"), "SW300", D("01/02/2021"), "", "MANAGE"],
                ["103", D("01/06/2019"), "SW400", D("01/01/2021"), "", "MANAGE"],
            ],
        };
        // The DfE collects social worker episodes from 2023-24 (table years in Tables.SwEpisodes).
        if (year < 2024) tables.Remove("SWEpisodes");
        if (year >= 2027) tables["DoLo"] = [["CHILD", "DOB", "DOLO_START", "DOLO_END"], ["104", D("01/09/2006"), D("01/07/2022"), D("01/08/2022")]];
        return new ReturnFixture(year, tables);
    }

    /// <summary>A dd/mm/yyyy date moved <paramref name="years"/> years.</summary>
    public static string Shift(string d, int years) =>
        DateOnly.ParseExact(d, "dd/MM/yyyy", CultureInfo.InvariantCulture).AddYears(years).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
