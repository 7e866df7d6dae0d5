namespace Qp.Validate.Tests.Dfe;

/// <summary>Edits of a fixture by table, for short case lines.</summary>
internal static class FixtureEdits
{
    public static ReturnFixture E(this ReturnFixture f, int line, string column, string value) => f.Set("Episodes", line, column, value);

    public static ReturnFixture H(this ReturnFixture f, int line, string column, string value) => f.Set("Header", line, column, value);
}

/// <summary>
/// Cases of the DfE's Header and Episodes rules, on the modern base return (<see cref="DfeFixtures"/>; 2022-23 unless the rule
/// belongs to other years). Lines: Header 2 = child 1001, 3 = child 1002; Episodes 2–3 = child 1001, 4 = child 1002.
/// </summary>
public sealed class DfeCases : IRuleCaseSet
{
    private static ReturnFixture B(int year = 2023) => DfeFixtures.Base(year);
    private static ReturnFixture Ep(int line, string col, string v) => B().E(line, col, v);
    private static ReturnFixture Hd(int line, string col, string v) => B().H(line, col, v);
    private static Location Hl(int line, int col) => new("Header.csv", line, col);
    private static Location El(int line, int col) => new("Episodes.csv", line, col);

    private static readonly string[] Ep1001 = ["1001", "", "", "C2", "N1", "", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567"];

    /// <summary>A further episode of child 1001 (DECOM, RNE, PLACE, DEC and REC given).</summary>
    private static ReturnFixture More(ReturnFixture f, string decom, string rne, string place, string dec = "", string rec = "")
    {
        var row = (string[])Ep1001.Clone();
        (row[1], row[2], row[5], row[7], row[8]) = (decom, rne, place, dec, rec);
        return f.Add("Episodes", row);
    }

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        // Header, row by row.
        new("168", () => Hd(2, "UPN", "I123456789012"), Hl(2, 5), () => Hd(2, "UPN", "UN2")),
        new("174", () => Hd(2, "MC_DOB", "01/01/2022"), Hl(2, 7), () => B()),
        new("209", () => Hd(2, "UPN", "UN1"), Hl(2, 5), () => Hd(2, "UPN", "UN1").H(2, "DOB", "01/05/2018")),
        new("232", () => B(2026).H(2, "SEX", "U"), Hl(2, 2), () => B(2026)),
        new("444", () => B(2026).H(3, "UPN", "A123456789012"), Hl(2, 5), () => B(2026).H(3, "UPN", "UN2").H(2, "UPN", "UN2")),
        new("351", () => Hd(2, "DOB", "01/01/1995"), Hl(2, 3), () => Hd(2, "DOB", "01/05/1998")),
        new("611", () => Hd(3, "MC_DOB", ""), Hl(3, 7), () => B()),
        new("612", () => Hd(3, "MOTHER", "0"), Hl(3, 7), () => Hd(3, "MOTHER", "0").H(3, "SEX", "1")),
        new("620", () => Hd(3, "DOB", "15/08/2012"), Hl(3, 6), () => Hd(3, "DOB", "01/04/2011")),

        // Episodes, row by row.
        new("178", () => Ep(4, "PLACE_PROVIDER", "PR9"), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "PR2")),
        new("213", () => Ep(3, "PLACE", "T1"), El(3, 7), () => Ep(3, "PLACE", "T1").E(3, "PLACE_PROVIDER", "")),
        new("214", () => Ep(4, "LS", "V3"), El(4, 12), () => Ep(4, "LS", "V2")),
        new("217t", () => B(2024).E(3, "PLACE", "P2"), El(3, 6), () => B(2024).E(3, "PLACE", "P2").E(3, "DEC", "28/10/2023").E(3, "REC", "E8")),
        new("218", () => Ep(3, "URN", ""), El(3, 13), () => Ep(3, "URN", "").E(3, "PLACE", "R1")),
        new("222", () => Ep(3, "PLACE", "R1"), El(3, 13), () => Ep(3, "PLACE", "R1").E(3, "URN", "XXXXXXX")),
        new("230", () => B(2024).E(3, "PLACE", "H5").E(3, "URN", ""), El(3, 13), () => B(2024).E(3, "PLACE", "H5")),
        new("233", () => B(2026).E(3, "REASON_PLACE_CHANGE", "CARPL"), El(3, 10), () => B(2026)),
        new("353", () => Ep(2, "DECOM", "01/01/1990"), El(2, 2), () => Ep(2, "DECOM", "14/10/1991")),
        new("355", () => Ep(4, "DEC", "01/02/2021"), El(4, 8), () => Ep(4, "DEC", "02/02/2021")),
        new("365", () => Ep(4, "LS", "V3"), El(4, 8), () => Ep(4, "LS", "V3").E(4, "DECOM", "14/11/2022")),
        new("366", () => Ep(3, "LS", "V3"), El(3, 3), () => Ep(4, "LS", "V3")),
        new("375", () => Ep(4, "PLACE", "T1").E(4, "DECOM", "01/10/2022"), El(4, 8), () => Ep(4, "PLACE", "T1").E(4, "DECOM", "20/10/2022")),
        new("376", () => Ep(4, "PLACE", "T3").E(4, "DECOM", "01/10/2022"), El(4, 8), () => Ep(4, "PLACE", "T3").E(4, "DECOM", "10/11/2022")),
        new("378", () => Ep(4, "PLACE", "P1").E(4, "LS", "V2"), El(4, 4), () => Ep(4, "PLACE", "P1")),
        new("379", () => Ep(4, "PLACE", "T4").E(4, "DECOM", "23/11/2022"), El(4, 8), () => Ep(4, "PLACE", "T4").E(4, "DECOM", "24/11/2022")),
        new("380", () => Ep(4, "PLACE", "T0"), El(4, 3), () => Ep(3, "PLACE", "T0")),
        new("381", () => Ep(4, "PLACE", "T0"), El(4, 9), () => Ep(3, "PLACE", "T0")),
        new("382", () => Ep(4, "LS", "V4").E(4, "PLACE", "T2"), El(4, 6), () => Ep(4, "LS", "V4")),
        new("384", () => Ep(4, "LS", "V3").E(4, "PLACE", "U4"), El(4, 6), () => Ep(4, "LS", "V3")),
        new("392b", () => Ep(2, "HOME_POST", ""), El(2, 0), () => Ep(2, "HOME_POST", "").E(2, "LS", "V3")),
        new("392d", () => Ep(2, "PL_POST", "TS24 8AA"), El(2, 12), () => Ep(2, "PL_POST", "TS24 8AA").E(2, "PLACE", "P1")),
        new("398", () => Ep(4, "LS", "V4"), El(4, 11), () => Ep(4, "LS", "V4").E(4, "HOME_POST", "").E(4, "PL_POST", "")),
        new("408", () => Ep(4, "PLACE", "A5"), El(4, 4), () => Ep(4, "PLACE", "A5").E(4, "LS", "E1")),
        new("445", () => Ep(4, "LS", "D1"), El(4, 4), () => Ep(4, "LS", "D1").E(4, "DECOM", "31/12/2005")),
        new("446", () => Ep(4, "LS", "E1").E(4, "DECOM", "30/11/2005"), El(4, 4), () => Ep(4, "LS", "E1").E(4, "DECOM", "01/12/2005")),
        new("451", () => Ep(3, "LS", "D1"), El(3, 4), () => Ep(4, "LS", "D1")),
        new("516", () => Ep(4, "REC", "E45"), El(4, 6), () => Ep(4, "REC", "E45").E(4, "PLACE", "U1")),
        new("526", () => Ep(4, "PLACE_PROVIDER", ""), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "").E(4, "PLACE", "T1")),
        new("527", () => Ep(4, "PLACE", "R2"), El(4, 7), () => Ep(4, "PLACE", "R2").E(4, "PLACE_PROVIDER", "PR4")),
        new("528", () => Ep(4, "PLACE", "R2").E(4, "PLACE_PROVIDER", "PR2"), El(4, 7), () => Ep(4, "PLACE", "R2").E(4, "PLACE_PROVIDER", "PR4")),
        new("529", () => Ep(4, "PLACE_PROVIDER", "PR3"), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "PR3").E(4, "PLACE", "R1")),
        new("530", () => Ep(4, "PLACE", "P1").E(4, "PLACE_PROVIDER", "PR4"), El(4, 7), () => Ep(4, "PLACE", "P1").E(4, "PLACE_PROVIDER", "PR0")),
        new("531", () => Ep(4, "PLACE", "P1").E(4, "PLACE_PROVIDER", "PR5"), El(4, 7), () => Ep(4, "PLACE", "P1").E(4, "PLACE_PROVIDER", "PR0")),
        new("550", () => Ep(4, "PLACE_PROVIDER", "PR0"), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "PR0").E(4, "PLACE", "P1")),
        new("1009", () => Ep(2, "REASON_PLACE_CHANGE", "XYZ"), El(2, 10), () => Ep(2, "REASON_PLACE_CHANGE", "OTHER")),
        // The tool's E229 is the DfE's 217: only episodes from 1 April 2015 are checked.
        new("E229", () => Ep(3, "PLACE", "A5").E(3, "LS", "E1"), El(3, 3), () => Ep(3, "PLACE", "A5").E(3, "LS", "E1").E(3, "RNE", "T")),

        // Episodes in sequence.
        new("199", () => Ep(2, "REC", "E11").E(2, "PLACE", "A4"), El(3, 0), () => Ep(4, "REC", "E11").E(4, "PLACE", "A4")),
        new("225", () => Ep(2, "REASON_PLACE_CHANGE", ""), El(2, 0), () => B()),
        new("226", () => Ep(3, "PLACE", "T1"), El(3, 0), () => Ep(3, "PLACE", "T1").E(2, "REASON_PLACE_CHANGE", "")),
        new("336", () => Ep(2, "PLACE", "K2").E(3, "PLACE", "A4"), El(3, 0), () => Ep(3, "PLACE", "A4")),
        new("357", () => Ep(4, "DECOM", "01/05/2022").E(4, "RNE", "P"), El(4, 3), () => Ep(4, "DECOM", "01/05/2022")),
        new("361", () => Ep(4, "LS", "L1"), El(4, 0), () => Ep(4, "LS", "L1").E(4, "DECOM", "28/11/2022")),
        new("362", () => Ep(4, "LS", "L2"), El(4, 0), () => Ep(4, "LS", "L2").E(4, "DECOM", "10/11/2022")),
        new("363", () => Ep(4, "LS", "L3"), El(4, 0), () => Ep(4, "LS", "L3").E(4, "DECOM", "24/11/2022")),
        new("364", () => Ep(4, "LS", "J2"), El(4, 0), () => Ep(4, "LS", "J2").E(4, "DECOM", "10/11/2022")),
        new("367", () => Ep(4, "LS", "V3"), El(4, 0), () => Ep(4, "LS", "V3").E(4, "DECOM", "01/11/2022")),
        new("377", () => More(More(More(B(), "01/07/2022", "T", "T3"), "01/08/2022", "T", "T3"), "01/09/2022", "T", "T3"), El(5, 0),
            () => More(More(B(), "01/07/2022", "T", "T3"), "01/08/2022", "T", "T3")),
        new("383", () => More(Ep(3, "PLACE", "T1").E(3, "DEC", "01/07/2022").E(3, "REC", "X1"), "01/07/2022", "P", "U5"), El(5, 0),
            () => More(Ep(3, "PLACE", "T1").E(3, "DEC", "01/07/2022").E(3, "REC", "X1"), "01/07/2022", "P", "U4")),
        new("388", () => Ep(4, "REC", "X1"), El(4, 0), () => B()),
        new("426", () => Ep(2, "LS", "V3").E(3, "LS", "V4"), El(2, 0), () => Ep(2, "LS", "V3")),
        new("431", () => Ep(3, "RNE", "S"), El(3, 3), () => B()),
        new("432", () => Ep(2, "REC", "E8"), El(3, 3), () => Ep(2, "REC", "E8").E(3, "RNE", "S")),
        new("433", () => Ep(3, "DECOM", "02/06/2022"), El(3, 2), () => B()),
        new("434", () => Ep(3, "RNE", "L"), El(3, 3),
            () => Ep(3, "RNE", "L").E(3, "LS", "C1").E(3, "PLACE", "U4").E(3, "PL_POST", "TS25 1AA").E(3, "URN", "1234567")),
        new("435", () => Ep(3, "LS", "C1"), El(3, 3), () => B()),
        new("436", () => Ep(3, "RNE", "B"), El(3, 3), () => Ep(3, "RNE", "B").E(3, "LS", "C1")),
        new("437", () => Ep(2, "REC", "E15"), El(2, 0), () => B()),
        new("504", () => Ep(3, "CIN", "N2"), El(3, 0), () => Ep(4, "CIN", "N3")),

        // Header and Episodes together.
        new("210", () => Hd(2, "UPN", "UN4").E(2, "DEC", "25/03/2023").E(3, "DECOM", "25/03/2023"), El(3, 2), () => Hd(2, "UPN", "UN4")),
        new("234", () => B(2026).E(2, "REASON_PLACE_CHANGE", "CUSTOD"), El(2, 0), () => B(2026).E(4, "REASON_PLACE_CHANGE", "CUSTOD")),
        new("352", () => Hd(3, "DOB", "15/08/2000"), El(4, 3), () => Hd(3, "DOB", "15/08/2003")),
        new("358", () => Hd(3, "DOB", "15/08/2012").E(4, "LS", "J1"), El(4, 0), () => Ep(4, "LS", "J1")),
        new("359", () => Hd(2, "DOB", "01/05/2004"), El(3, 0), () => Hd(2, "DOB", "01/05/2004").E(3, "LS", "V2").E(3, "PLACE", "K2")),
        new("370", () => Ep(4, "PLACE", "P2"), El(4, 0), () => Ep(4, "PLACE", "P2").H(3, "DOB", "15/08/2005")),
        new("371", () => Ep(4, "PLACE", "H5"), El(4, 0), () => Ep(4, "PLACE", "H5").H(3, "DOB", "15/08/2006")),
        new("372", () => Hd(3, "DOB", "15/08/2012").E(4, "PLACE", "R5"), El(4, 0), () => Ep(4, "PLACE", "R5")),
        new("373", () => Hd(3, "DOB", "15/08/2018").E(4, "PLACE", "S1"), El(4, 0), () => Ep(4, "PLACE", "S1")),
        new("374", () => Ep(4, "PLACE", "P3"), El(4, 0), () => Ep(4, "PLACE", "P3").H(3, "DOB", "15/08/2006")),
        new("386", () => Hd(3, "DOB", "15/08/2004").E(4, "REC", "E11").E(4, "PLACE", "A4"), El(4, 0), () => Ep(4, "REC", "E11").E(4, "PLACE", "A4")),
        new("387", () => Hd(3, "DOB", "15/08/2009").E(4, "REC", "E5"), El(4, 0), () => Ep(4, "REC", "E5")),
        new("389", () => Ep(4, "REC", "E7"), El(4, 0), () => Ep(4, "REC", "E7").H(3, "DOB", "15/08/2006")),
        new("393", () => Hd(3, "MOTHER", "").H(3, "MC_DOB", ""), Hl(3, 0), () => Hd(3, "MOTHER", "").H(3, "MC_DOB", "").E(4, "LS", "V3")),
        new("407", () => Hd(3, "DOB", "15/08/2004").E(4, "REC", "E45"), El(4, 0), () => Ep(4, "REC", "E45")),
        new("442", () => Hd(2, "UPN", ""), Hl(2, 0), () => Hd(2, "UPN", "UN3")),
        new("460", () => Ep(4, "REC", "E17"), El(4, 0), () => Ep(4, "REC", "E17").H(3, "DOB", "15/08/2004")),
        new("607", () => Hd(3, "MOTHER", "").H(3, "MC_DOB", ""), El(4, 0), () => Hd(3, "MOTHER", "0").H(3, "MC_DOB", "")),
        new("625", () => Hd(3, "MC_DOB", "02/12/2022"), Hl(3, 0), () => Hd(3, "MC_DOB", "01/12/2022")),
    ];
}
