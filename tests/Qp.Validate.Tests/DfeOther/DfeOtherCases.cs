namespace Qp.Validate.Tests.DfeOther;

/// <summary>
/// Fixtures of the DfE's rules on OC2, OC3, AD1, PlacedAdoption, Missing, Reviews, UASC, PrevPerm, SWEpisodes and DoLo: each
/// edits <see cref="DfeBase"/> (2022-23 unless the rule starts later) so that it breaks the rule, and a near neighbour that does not.
/// </summary>
public sealed class DfeOtherCases : IRuleCaseSet
{
    private static ReturnFixture B(int y = 2023) => DfeBase.Return(y);
    private static ReturnFixture V() => DfeBase.Return();
    private static ReturnFixture S(string t, int line, string col, string v, int y = 2023) => B(y).Set(t, line, col, v);

    private static Location A(string t, int line, string col = "") =>
        new($"{t}.csv", line, col.Length == 0 ? 0 : Tables.ByName(t)!.IndexOf(col) + 1);

    // Shorthands for the first row of each table (file line 2).
    private static ReturnFixture Oc2(string col, string v) => S("OC2", 2, col, v);
    private static ReturnFixture Oc3(string col, string v) => S("OC3", 2, col, v);
    private static ReturnFixture Ad1(string col, string v) => S("AD1", 2, col, v);
    private static ReturnFixture Pa(string col, string v) => S("PlacedAdoption", 2, col, v);
    private static ReturnFixture Mis(string col, string v) => S("Missing", 2, col, v);
    private static ReturnFixture Rev(string col, string v) => S("Reviews", 2, col, v);
    private static ReturnFixture Ua(string col, string v) => S("UASC", 2, col, v);
    private static ReturnFixture Pp(string col, string v) => S("PrevPerm", 2, col, v);
    private static ReturnFixture Sw(string col, string v, int y = 2024, int line = 2) => S("SWEpisodes", line, col, v, y);
    private static ReturnFixture Do(string col, string v) => S("DoLo", 2, col, v, 2027);

    // 101 starts to be looked after in the year: no longer continuously looked after.
    private static ReturnFixture NotCla() => S("Episodes", 2, "DECOM", "01/05/2022");

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        // Missing.
        new("1004", () => Mis("MIS_START", ""), A("Missing", 2, "MIS_START"), V),
        new("1005", () => Mis("MIS_END", "31/02/2022"), A("Missing", 2, "MIS_END"), V),
        new("1006", () => Mis("MISSING", "X"), A("Missing", 2, "MISSING"), () => Mis("MISSING", "a")),
        new("564", () => Mis("MIS_START", ""), A("Missing", 2, "MIS_START"), V),
        new("565", () => Mis("MISSING", ""), A("Missing", 2, "MISSING"), V),
        new("566", () => Mis("MISSING", ""), A("Missing", 2, "MIS_END"), () => Mis("MISSING", "").Set("Missing", 2, "MIS_END", "")),
        new("567", () => Mis("MIS_END", "01/04/2022"), A("Missing", 2, "MIS_END"), () => Mis("MIS_END", "01/05/2022")),
        new("570", () => Mis("MIS_START", "01/04/2023"), A("Missing", 2, "MIS_START"), () => Mis("MIS_START", "31/03/2023").Set("Missing", 2, "MIS_END", "")),
        new("571", () => Mis("MIS_END", "01/04/2023"), A("Missing", 2, "MIS_END"), () => Mis("MIS_END", "31/03/2023")),
        new("574", () => B().Add("Missing", "101", "10/06/2012", "A", "02/05/2022", "04/05/2022"), A("Missing", 3, "MIS_START"),
            () => B().Add("Missing", "101", "10/06/2012", "A", "03/05/2022", "04/05/2022")),
        new("575", () => B().Add("Missing", "102", "05/03/2005", "M", "01/06/2022", ""), A("Missing", 3, "MIS_END"),
            () => B().Add("Missing", "102", "05/03/2005", "M", "01/06/2022", "02/06/2022")),
        new("577", () => B().Add("Missing", "102", "05/03/2005", "M", "01/06/2022", "10/03/2023"), A("Missing", 3, "MIS_END"),
            () => B().Add("Missing", "102", "05/03/2005", "M", "01/06/2022", "01/03/2023")),
        new("578", () => B().Add("Missing", "102", "05/03/2005", "M", "01/01/2021", "02/01/2021"), A("Missing", 3, "MIS_START"),
            () => B().Add("Missing", "102", "05/03/2005", "M", "01/02/2021", "02/02/2021")),
        new("581", () => B().Add("Missing", "102", "05/03/2005", "M", "02/03/2023", "03/03/2023"), A("Missing", 3, "MIS_START"),
            () => B().Add("Missing", "102", "05/03/2005", "M", "01/03/2023", "01/03/2023")),
        new("586", () => Mis("MIS_START", "01/05/2010"), A("Missing", 2, "MIS_START"), V),

        // Reviews.
        new("166", () => Rev("REVIEW", "15/13/2022"), A("Reviews", 2, "REVIEW"), V),
        new("167", () => Rev("REVIEW_CODE", "PN9"), A("Reviews", 2, "REVIEW_CODE"), () => Rev("REVIEW_CODE", "pn7")),
        new("440", () => Rev("REVIEW_CODE", "PN0"), A("Reviews", 2, "REVIEW_CODE"), () => Rev("REVIEW_CODE", "PN0").Set("Reviews", 2, "DOB", "01/01/2019")),
        new("441", () => Rev("DOB", "01/01/2019"), A("Reviews", 2, "REVIEW_CODE"), V),
        new("399", () => S("Episodes", 2, "LS", "V3"), A("Reviews", 2, "REVIEW"), () => S("Episodes", 2, "LS", "V3").Set("Header", 2, "MOTHER", "").Remove("Reviews")),

        // OC2 rows.
        new("158", () => Oc2("SUBSTANCE_MISUSE", "1").Set("OC2", 2, "INTERVENTION_RECEIVED", "1").Set("OC2", 2, "INTERVENTION_OFFERED", "0"), A("OC2", 2, "INTERVENTION_OFFERED"),
            () => Oc2("SUBSTANCE_MISUSE", "1").Set("OC2", 2, "INTERVENTION_RECEIVED", "1")),
        new("159", () => Oc2("SUBSTANCE_MISUSE", "1").Set("OC2", 2, "INTERVENTION_RECEIVED", "0"), A("OC2", 2, "INTERVENTION_OFFERED"),
            () => Oc2("SUBSTANCE_MISUSE", "1").Set("OC2", 2, "INTERVENTION_RECEIVED", "0").Set("OC2", 2, "INTERVENTION_OFFERED", "1")),
        new("180", () => Oc2("SDQ_SCORE", "41"), A("OC2", 2, "SDQ_SCORE"), () => Oc2("SDQ_SCORE", "40")),
        new("181", () => Oc2("CONVICTED", "2"), A("OC2", 2, "CONVICTED"), V),
        new("182", () => Oc2("TEETH_CHECK", ""), A("OC2", 2, "TEETH_CHECK"), V),
        new("188", () => Oc2("DOB", "01/06/2019"), A("OC2", 2, "SDQ_SCORE"), () => Oc2("DOB", "01/06/2019").Set("OC2", 2, "SDQ_SCORE", "")),
        new("189", () => Oc2("DOB", "01/01/2005"), A("OC2", 2, "SDQ_SCORE"), () => Oc2("DOB", "01/06/2005")),
        new("192", () => Oc2("SUBSTANCE_MISUSE", "1"), A("OC2", 2, "INTERVENTION_RECEIVED"), () => Oc2("SUBSTANCE_MISUSE", "1").Set("OC2", 2, "INTERVENTION_RECEIVED", "1")),
        new("193", () => Oc2("INTERVENTION_RECEIVED", "1"), A("OC2", 2, "INTERVENTION_RECEIVED"), () => Oc2("INTERVENTION_RECEIVED", "1").Set("OC2", 2, "SUBSTANCE_MISUSE", "1")),
        new("196", () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ9"), A("OC2", 2, "SDQ_REASON"), () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ5")),
        new("197a", () => Oc2("SDQ_REASON", "SDQ2"), A("OC2", 2, "SDQ_REASON"), V),
        new("544", () => Oc2("CONVICTED", "1").Set("OC2", 2, "IMMUNISATIONS", ""), A("OC2", 2, "IMMUNISATIONS"), () => Oc2("CONVICTED", "1")),
        new("547", () => Oc2("HEALTH_CHECK", "1").Set("OC2", 2, "HEALTH_ASSESSMENT", ""), A("OC2", 2, "HEALTH_ASSESSMENT"), () => Oc2("HEALTH_CHECK", "1")),

        // OC2 against the episodes (continuously looked after).
        new("157", () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ1"), A("OC2", 2, "SDQ_REASON"), () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ2")),
        new("185", NotCla, A("OC2", 2, "SDQ_SCORE"), V),
        new("186", () => Oc2("SDQ_SCORE", ""), A("OC2", 2, "SDQ_SCORE"), () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ3")),
        new("190", NotCla, A("OC2", 2, "CONVICTED"), V),
        new("191", () => Oc2("HEALTH_ASSESSMENT", ""), A("OC2", 2, "HEALTH_ASSESSMENT"), () => NotCla().Set("OC2", 2, "HEALTH_ASSESSMENT", "")),
        new("197B", () => Oc2("DOB", "01/06/2018").Set("OC2", 2, "SDQ_SCORE", ""), A("OC2", 2, "SDQ_REASON"), () => Oc2("DOB", "01/06/2018")),
        new("198", () => NotCla().Set("OC2", 2, "SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ2"), A("OC2", 2, "SDQ_REASON"),
            () => Oc2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ2")),
        new("543", () => Oc2("CONVICTED", ""), A("OC2", 2, "CONVICTED"), () => Oc2("CONVICTED", "").Set("OC2", 2, "DOB", "01/06/2013")),
        new("545", () => Oc2("DOB", "01/06/2019"), A("OC2", 2, "HEALTH_CHECK"), () => Oc2("DOB", "01/06/2019").Set("OC2", 2, "HEALTH_CHECK", "1")),
        new("546", () => Oc2("HEALTH_CHECK", "1"), A("OC2", 2, "HEALTH_CHECK"), V),
        new("215", () => B().Add("OC3", "101", "10/06/2012", "NO", "0", "0"), A("OC2", 2, "CONVICTED"), () => B().Add("OC3", "101", "10/06/2012", "", "", "")),

        // OC3 rows.
        new("131", () => Oc3("IN_TOUCH", "XX"), A("OC3", 2, "IN_TOUCH"), () => Oc3("IN_TOUCH", "nreq")),
        new("132", () => Oc3("ACTIV", "Q1"), A("OC3", 2, "ACTIV"), () => Oc3("ACTIV", "P1")),
        new("133", () => Oc3("ACCOM", "Q9"), A("OC3", 2, "ACCOM"), () => Oc3("ACCOM", "B1")),
        new("153", () => Oc3("ACTIV", ""), A("OC3", 2, "ACTIV"), () => Oc3("ACTIV", "").Set("OC3", 2, "IN_TOUCH", "").Set("OC3", 2, "ACCOM", "")),
        new("344", () => Oc3("IN_TOUCH", "DIED"), A("OC3", 2, "ACTIV"), () => Oc3("IN_TOUCH", "DIED").Set("OC3", 2, "ACTIV", "0").Set("OC3", 2, "ACCOM", "0")),
        new("345", () => Oc3("ACCOM", "0"), A("OC3", 2, "ACCOM"), V),
        new("347", () => S("OC3", 2, "ACCOM", "T1", 2024), A("OC3", 2, "ACCOM"), () => S("OC3", 2, "ACCOM", "T1", 2024).Set("OC3", 2, "DOB", "05/03/2005")),
        new("391", () => Oc3("DOB", "01/06/2006"), A("OC3", 2, "IN_TOUCH"), V),

        // OC3 against the other tables.
        new("1000", () => S("Episodes", 3, "REC", "E2"), A("OC3", 2, "IN_TOUCH"), V),
        new("1007", () => S("Episodes", 3, "DEC", "10/03/2023"), A("OC3", 2, "IN_TOUCH"), V),
        new("1011", () => S("Episodes", 3, "REC", "E3"), A("OC3", 2, "IN_TOUCH"), V),
        new("1014", () => S("Episodes", 3, "DEC", "01/03/2022").Add("UASC", "102", "1", "05/03/2005", ""), A("UASC", 3, "DUC"),
            () => B().Add("UASC", "102", "1", "05/03/2005", "")),
        new("1016", () => S("Episodes", 3, "DEC", "10/03/2024", 2024), A("OC3", 2, "IN_TOUCH"), () => B(2024)),
        new("165", () => S("Header", 2, "MOTHER", ""), A("Header", 2), () => S("Header", 4, "MOTHER", "1")),
        new("187", () => B().Add("OC3", "101", "10/06/2012", "NO", "0", "0"), A("OC3", 3, "IN_TOUCH"), () => B().Add("OC3", "101", "10/06/2012", "", "", "")),
        new("134", () => B().Add("OC3", "103", "01/06/2019", "NO", "0", "0"), A("AD1", 2, "DATE_INT"), () => B().Add("OC3", "103", "01/06/2019", "", "", "")),
        new("3001", () => S("Header", 3, "DOB", "05/06/2005").Set("OC3", 2, "ACCOM", "Z1"), A("OC3", 2, "ACCOM"), () => Oc3("ACCOM", "Z1")),
        new("628", () => S("Episodes", 3, "CHILD", "109").Set("Header", 3, "MOTHER", "0"), A("Header", 3), () => S("Episodes", 3, "CHILD", "109")),

        // AD1 rows.
        new("112", () => Ad1("DATE_INT", "31/02/2022"), A("AD1", 2, "DATE_INT"), V),
        new("113", () => Ad1("DATE_MATCH", "15/2/22x"), A("AD1", 2, "DATE_MATCH"), V),
        new("114", () => Ad1("FOSTER_CARE", "2"), A("AD1", 2, "FOSTER_CARE"), V),
        new("151", () => Ad1("LS_ADOPTR", ""), A("AD1", 2, "LS_ADOPTR"), V),
        new("175", () => Ad1("NB_ADOPTR", "3"), A("AD1", 2, "NB_ADOPTR"), V),
        new("176", () => Ad1("SEX_ADOPTR", "XY"), A("AD1", 2, "SEX_ADOPTR"), V),
        new("177", () => Ad1("LS_ADOPTR", "L9"), A("AD1", 2, "LS_ADOPTR"), V),
        new("333", () => Ad1("DATE_INT", "20/02/2022"), A("AD1", 2, "DATE_INT"), () => Ad1("DATE_INT", "15/02/2022")),
        new("511", () => Ad1("SEX_ADOPTR", "M1"), A("AD1", 2, "SEX_ADOPTR"), V),
        new("514", () => Ad1("LS_ADOPTR", "L0"), A("AD1", 2, "SEX_ADOPTR"), () => Ad1("LS_ADOPTR", "L0").Set("AD1", 2, "SEX_ADOPTR", "F1").Set("AD1", 2, "NB_ADOPTR", "1")),
        new("517", () => Ad1("LS_ADOPTR", "L3").Set("AD1", 2, "SEX_ADOPTR", "MM"), A("AD1", 2, "SEX_ADOPTR"), () => Ad1("LS_ADOPTR", "L3")),
        new("518", () => Ad1("LS_ADOPTR", "L4"), A("AD1", 2, "SEX_ADOPTR"), () => Ad1("LS_ADOPTR", "L4").Set("AD1", 2, "SEX_ADOPTR", "FF")),
        new("519", () => Ad1("LS_ADOPTR", "L2").Set("AD1", 2, "SEX_ADOPTR", "M1"), A("AD1", 2, "SEX_ADOPTR"), () => Ad1("LS_ADOPTR", "L2")),
        new("520", () => Ad1("SEX_ADOPTR", "FF"), A("AD1", 2, "SEX_ADOPTR"), V),
        new("524", () => Ad1("LS_ADOPTR", "L12"), A("AD1", 2, "SEX_ADOPTR"), () => Ad1("LS_ADOPTR", "L12").Set("AD1", 2, "SEX_ADOPTR", "MM")),

        // AD1 against the episodes.
        new("331", () => Ad1("DATE_MATCH", "10/03/2022"), A("AD1", 2, "DATE_MATCH"), () => Ad1("DATE_MATCH", "01/03/2022")),
        new("334", () => Ad1("DATE_INT", "01/12/2020"), A("AD1", 2, "DATE_INT"), () => Ad1("DATE_INT", "01/01/2021")),
        new("335", () => Ad1("FOSTER_CARE", "1"), A("AD1", 2, "FOSTER_CARE"), () => Ad1("FOSTER_CARE", "1").Set("Episodes", 5, "PLACE", "A5").Set("Episodes", 5, "RNE", "U")),
        new("521", () => Ad1("DATE_INT", "05/03/2022"), A("AD1", 2, "DATE_INT"), () => Ad1("DATE_INT", "01/03/2022")),
        new("582", () => Ad1("DATE_MATCH", "15/12/2022"), A("Episodes", 5), V),
        new("601", () => Ad1("FOSTER_CARE", ""), A("AD1", 2, "FOSTER_CARE"), () => Ad1("FOSTER_CARE", "").Set("Episodes", 5, "DEC", "15/12/2021").Set("Episodes", 5, "DECOM", "01/03/2021").Set("Episodes", 4, "DEC", "01/03/2021")),
        new("602", () => S("Episodes", 5, "REC", "E8"), A("AD1", 2, "CHILD"), V),

        // PlacedAdoption rows.
        new("115", () => Pa("DATE_PLACED", "1/2/22"), A("PlacedAdoption", 2, "DATE_PLACED"), V),
        new("116", () => Pa("DATE_PLACED_CEASED", "x").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"), V),
        new("119", () => Pa("REASON_PLACED_CEASED", "RD1"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"), V),
        new("120", () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD9"), A("PlacedAdoption", 2, "REASON_PLACED_CEASED"),
            () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD4")),
        new("522", () => Pa("DATE_PLACED_CEASED", "01/01/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"),
            () => Pa("DATE_PLACED_CEASED", "01/02/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1")),
        new("563", () => Pa("DATE_PLACED", "").Set("PlacedAdoption", 2, "DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1"),
            A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1")),

        // PlacedAdoption against the other tables.
        new("117", () => Pa("DATE_PLACED", "20/12/2022"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED", "15/12/2022")),
        new("118", () => Pa("DATE_PLACED_CEASED", "01/03/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"),
            () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1")),
        new("184", () => Pa("DATE_PLACED", "01/01/2019"), A("PlacedAdoption", 2, "DATE_PLACED"), V),
        new("1003", () => Pa("DATE_PLACED", "01/12/2020"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED", "01/01/2021")),
        new("523", () => Pa("DATE_PLACED", "03/02/2022"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED", "01/02/2022")),
        new("525", () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"), V),
        new("551", () => Pa("DATE_PLACED", ""), A("Episodes", 5), V),
        new("552", () => Pa("DATE_PLACED", "05/03/2022"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED", "01/03/2022")),
        new("553", () => Pa("CHILD", "109"), A("Episodes", 5), V),
        new("554", () => Pa("DATE_PLACED", "05/03/2022"), A("PlacedAdoption", 2, "DATE_PLACED"), () => Pa("DATE_PLACED", "28/02/2022")),
        new("555", () => S("Episodes", 5, "LS", "D1").Set("PlacedAdoption", 2, "CHILD", "109"), A("Episodes", 5), () => S("Episodes", 5, "LS", "D1")),
        new("556", () => S("Episodes", 5, "LS", "D1").Set("PlacedAdoption", 2, "DATE_PLACED", "05/03/2022"), A("Episodes", 5, "DECOM"), () => S("Episodes", 5, "LS", "D1")),
        new("557", () => S("Episodes", 5, "REC", "E8"), A("PlacedAdoption", 2, "DATE_PLACED_CEASED"),
            () => S("Episodes", 5, "REC", "E8").Set("PlacedAdoption", 2, "DATE_PLACED_CEASED", "15/12/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD2")),
        new("558", () => Pa("DATE_PLACED_CEASED", "01/05/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1").Add("PlacedAdoption", "103", "01/06/2019", "01/06/2022", "01/07/2022", "RD2"),
            A("Episodes", 5), V),
        new("579", () => B().Add("PlacedAdoption", "103", "01/06/2019", "20/02/2022", "", ""), A("PlacedAdoption", 3, "DATE_PLACED"),
            () => Pa("DATE_PLACED_CEASED", "10/02/2022").Set("PlacedAdoption", 2, "REASON_PLACED_CEASED", "RD1").Add("PlacedAdoption", "103", "01/06/2019", "20/02/2022", "", "")),
        new("583", () => B().Add("PlacedAdoption", "103", "01/06/2019", "01/01/2022", "", ""), A("PlacedAdoption", 3, "DATE_PLACED_CEASED"),
            () => B().Add("PlacedAdoption", "103", "01/06/2019", "01/01/2022", "15/01/2022", "RD1")),

        // UASC and PrevPerm.
        new("104", () => Ua("DUC", "01/03/2022"), A("UASC", 2, "DUC"), () => Ua("DUC", "01/05/2022")),
        new("304", () => Ua("DUC", "02/09/2024"), A("UASC", 2, "DUC"), () => Ua("DUC", "01/09/2024")),
        new("631", () => Pp("PREV_PERM", "P9"), A("PrevPerm", 2, "PREV_PERM"), () => Pp("PREV_PERM", "p4")),
        new("633", () => Pp("LA_PERM", "123"), A("PrevPerm", 2, "LA_PERM"), () => Pp("LA_PERM", "sco")),
        new("635", () => Pp("PREV_PERM", "").Set("PrevPerm", 2, "LA_PERM", "805"), A("PrevPerm", 2, "PREV_PERM"), () => Pp("LA_PERM", "805")),
        new("630", () => Pp("PREV_PERM", "P1"), A("Episodes", 6, "RNE"), () => Pp("PREV_PERM", "P1").Set("PrevPerm", 2, "LA_PERM", "805").Set("PrevPerm", 2, "DATE_PERM", "01/01/2015")),
        new("632", () => Pp("DATE_PERM", "01/07/2022"), A("PrevPerm", 2, "DATE_PERM"), () => Pp("DATE_PERM", "ZZ/ZZ/2021")),
        new("634", () => S("Episodes", 6, "DECOM", "01/03/2022"), A("PrevPerm", 2, "PREV_PERM"), V),

        // Integrity: every child in Header, with the same DOB and SEX, once per table.
        new("INT01", () => Ad1("CHILD", "109"), A("AD1", 2, "CHILD"), V),
        new("INT02", () => Pa("CHILD", "109"), A("PlacedAdoption", 2, "CHILD"), V),
        new("INT04", () => Mis("CHILD", "109"), A("Missing", 2, "CHILD"), V),
        new("INT05", () => Oc2("CHILD", "109"), A("OC2", 2, "CHILD"), V),
        new("INT06", () => Oc3("CHILD", "109"), A("OC3", 2, "CHILD"), V),
        new("INT07", () => Pp("CHILD", "109"), A("PrevPerm", 2, "CHILD"), V),
        new("INT08", () => Rev("CHILD", "109"), A("Reviews", 2, "CHILD"), V),
        new("INT09", () => Ua("CHILD", "109"), A("UASC", 2, "CHILD"), V),
        new("INT11", () => Ad1("DOB", "02/06/2019"), A("AD1", 2, "DOB"), V),
        new("INT12", () => Pa("DOB", "02/06/2019"), A("PlacedAdoption", 2, "DOB"), V),
        new("INT13", () => Mis("DOB", "11/06/2012"), A("Missing", 2, "DOB"), V),
        new("INT14", () => Oc2("DOB", "11/06/2012"), A("OC2", 2, "DOB"), V),
        new("INT15", () => Oc3("DOB", "06/03/2005"), A("OC3", 2, "DOB"), V),
        new("INT16", () => Pp("DOB", "02/09/2006"), A("PrevPerm", 2, "DOB"), V),
        new("INT17", () => Rev("DOB", "11/06/2012"), A("Reviews", 2, "DOB"), V),
        new("INT18", () => Ua("DOB", "02/09/2006"), A("UASC", 2, "DOB"), V),
        new("INT21", () => Ua("SEX", "2"), A("UASC", 2, "SEX"), () => Ua("SEX", "1")),
        new("INT31", () => B().Add("AD1", "103", "01/06/2019", "01/02/2022", "15/02/2022", "0", "2", "MF", "L11"), A("AD1", 2, "CHILD"), V),
        new("INT33", () => B().Add("OC2", "101", "10/06/2012", "12", "", "0", "", "1", "1", "1", "0", "", ""), A("OC2", 3, "CHILD"), V),
        new("INT34", () => B().Add("OC3", "102", "05/03/2005", "YES", "F2", "S2"), A("OC3", 3, "CHILD"), V),
        new("INT35", () => B().Add("PrevPerm", "104", "01/09/2006", "Z1", "", ""), A("PrevPerm", 2, "CHILD"), V),
        new("INT36", () => B().Add("UASC", "104", "1", "01/09/2006", ""), A("UASC", 3, "CHILD"), V),

        // SWEpisodes (from 2023-24; the 2023-24 base: 101's episode from 01/01/2021, 104's from 01/06/2023, both open).
        new("SW01STG1", () => Sw("SW_ID", ""), A("Episodes", 2), () => B(2024)),
        new("SW01aSTG1", () => Sw("SW_ID", "", 2025), A("SWEpisodes", 2, "SW_ID"), () => Sw("SW_ID", "", 2025, line: 3)),
        new("SW01bSTG1", () => Sw("SW_REASON", "", 2025, line: 3), A("SWEpisodes", 3, "SW_REASON"), () => Sw("SW_REASON", "", 2025)),
        new("SW02STG1", () => Sw("SW_ID", "AB1"), A("SWEpisodes", 2, "SW_ID"), () => Sw("SW_ID", "XX1")),
        new("SW03STG1", () => Sw("SW_REASON", ""), A("SWEpisodes", 2, "SW_REASON"), () => B(2024)),
        new("SW04STG1", () => Sw("SW_DECOM", "32/01/2021"), A("SWEpisodes", 2, "SW_DECOM"), () => Sw("SW_DECOM", "ZZ/01/2021")),
        new("SW05STG1", () => Sw("SW_DEC", "x"), A("SWEpisodes", 2, "SW_DEC"), () => B(2024)),
        new("SW06STG2", () => Sw("SW_DECOM", "01/04/2024", line: 3), A("SWEpisodes", 3, "SW_DECOM"), () => Sw("SW_DECOM", "31/03/2024", line: 3)),
        new("SW07STG2", () => Sw("SW_DEC", "01/03/2023"), A("SWEpisodes", 2, "SW_DEC"), () => Sw("SW_DEC", "01/05/2023")),
        new("SW08STG2", () => B(2024).Add("SWEpisodes", "101", "10/06/2013", "SW101", "01/02/2021", "", "MANAGE"), A("SWEpisodes", 2, "SW_DEC"),
            () => Sw("SW_DEC", "01/02/2021").Add("SWEpisodes", "101", "10/06/2013", "SW101", "01/02/2021", "", "MANAGE")),
        new("SW09STG2", () => Sw("SW_DEC", "01/01/2021"), A("SWEpisodes", 2, "SW_DEC"), () => B(2024)),
        new("SW10STG2", () => Sw("SW_DEC", "01/05/2023").Add("SWEpisodes", "101", "10/06/2013", "SW101", "01/06/2023", "", "MANAGE"), A("SWEpisodes", 6, "SW_DECOM"),
            () => Sw("SW_DEC", "01/05/2023").Add("SWEpisodes", "101", "10/06/2013", "SW101", "05/05/2023", "", "MANAGE")),
        new("SW11aSTG2", () => Sw("SW_DEC", "01/05/2023").Add("SWEpisodes", "101", "10/06/2013", "SW101", "10/05/2023", "", "MANAGE"), A("SWEpisodes", 6, "SW_DECOM"),
            () => Sw("SW_DEC", "01/05/2023").Add("SWEpisodes", "101", "10/06/2013", "SW101", "06/05/2023", "", "MANAGE")),
        new("SW11bSTG2", () => Sw("SW_DEC", "28/03/2024"), A("SWEpisodes", 2, "SW_DEC"),
            () => Sw("SW_DEC", "28/03/2024").Add("SWEpisodes", "101", "10/06/2013", "SW101", "28/03/2024", "", "MANAGE")),
        // 102's social worker episode is moved to 101: 102 has none.
        new("SW12STG2", () => Sw("CHILD", "101", line: 4), A("Episodes", 3), () => B(2024)),
        new("SW13STG1", () => Sw("SW_REASON", "BAD"), A("SWEpisodes", 2, "SW_REASON"), () => Sw("SW_REASON", "others")),
        new("SW14STG2", () => B(2024).Add("SWEpisodes", "101", "10/06/2013", "SW101", "01/02/2021", "", "MANAGE"), A("SWEpisodes", 2, "SW_DEC"), () => B(2024)),
        new("SW17STG2", () => Sw("SW_DEC", "01/05/2025", 2026), A("SWEpisodes", 2, "SW_DEC"), () => B(2026)),

        // DoLo (from 2026-27; the base order of 104 runs 01/07/2026 – 01/08/2026 while he is placed in K2).
        new("700", () => Do("DOLO_START", ""), A("DoLo", 2, "DOLO_START"), () => B(2027)),
        new("701", () => Do("DOLO_END", "x"), A("DoLo", 2, "DOLO_END"), () => Do("DOLO_END", "")),
        new("702", () => Do("DOLO_END", "01/07/2026"), A("DoLo", 2, "DOLO_END"), () => B(2027)),
        new("703", () => Do("DOLO_START", "01/04/2027").Set("DoLo", 2, "DOLO_END", ""), A("DoLo", 2, "DOLO_START"), () => B(2027)),
        new("704", () => Do("DOLO_END", "01/04/2027"), A("DoLo", 2, "DOLO_END"), () => Do("DOLO_END", "31/03/2027")),
        new("705", () => B(2027).Add("DoLo", "104", "01/09/2010", "15/07/2026", "20/07/2026"), A("DoLo", 2, "DOLO_START"),
            () => B(2027).Add("DoLo", "104", "01/09/2010", "02/08/2026", "10/08/2026")),
        new("707", () => Do("DOLO_START", "01/05/2026").Set("DoLo", 2, "DOLO_END", "20/05/2026"), A("DoLo", 2, "DOLO_END"), () => B(2027)),
        new("708", () => Do("DOB", "01/08/2026"), A("DoLo", 2, "DOLO_START"), () => B(2027)),
        new("709", () => S("Episodes", 6, "PLACE", "U4", 2027), A("DoLo", 2, "DOLO_START"), () => S("Episodes", 6, "PLACE", "Z12", 2027)),
        new("710", () => S("Episodes", 6, "PLACE", "K1", 2027), A("DoLo", 2, "DOLO_START"), () => S("Episodes", 6, "PLACE", "U4", 2027)),
    ];
}
