using Qp.Validate.Tests.DfeOther;

namespace Qp.Validate.Tests.Dfe;

/// <summary>
/// Last year's returns for the previous-year cases: the 2021-22 return ending as <see cref="DfeFixtures"/>' 2022-23 base begins
/// (1001 open since 10/01/2020 in U4 at TS25 1AA, 1002 open since 01/02/2021 in K2 at TS27 2AA), edited one cell at a time.
/// </summary>
public static class PreviousEpisodes
{
    private static readonly string[] Columns =
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];

    /// <summary>Last year's return with only an Episodes table of these rows.</summary>
    public static ReturnFixture Return(int year, params string[][] rows) => new(year, new() { ["Episodes"] = [[.. Columns], .. rows.Select(r => r.ToList())] });

    /// <summary>The 2021-22 return consistent with the 2022-23 base, with (<paramref name="column"/>, <paramref name="value"/>) set on 1001's row.</summary>
    public static ReturnFixture Of2022(string? column = null, string value = "")
    {
        string[] a = ["1001", "10/01/2020", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567"];
        string[] b = ["1002", "01/02/2021", "S", "C2", "N2", "K2", "PR1", "", "", "", "TS24 8AA", "TS27 2AA", "1111111"];
        if (column is not null) a[Array.IndexOf(Columns, column)] = value;
        return Return(2022, a, b);
    }

    /// <summary>The 2022-23 base validated against last year's return <paramref name="last"/>, with the hand-made postcode directory for E06000001.</summary>
    public static ReturnFixture Against(ReturnFixture last, ReturnFixture? now = null)
    {
        var f = (now ?? DfeFixtures.Base(2023)).WithPreviousReturn(last);
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        return f;
    }
}

/// <summary>Cases of the DfE's previous-year episode rules (<see cref="Rules.Dfe.PreviousEpisodeRules"/>).</summary>
public sealed class PreviousEpisodeCases : IRuleCaseSet
{
    private static ReturnFixture Ok() => PreviousEpisodes.Against(PreviousEpisodes.Of2022());
    private static ReturnFixture Was(string column, string value) => PreviousEpisodes.Against(PreviousEpisodes.Of2022(column, value));
    private static Location El(int line, int col) => new("Episodes.csv", line, col);
    private static Location At(string table, int line, string column) => new($"{table}.csv", line, Tables.ByName(table)!.IndexOf(column) + 1);

    // The DfE-era base with every table (DfeBase), whose OC3 young person 102 is given the id 109, who has no Header row or episodes.
    private static ReturnFixture Leaver109() => DfeBase.Return().Set("OC3", 2, "CHILD", "109");

    // DfeBase's 2021-22 return: 101 and 102 open (103 and 104 need not be there for these rules), plus 109's given row.
    private static ReturnFixture Last2022(params string[] more)
    {
        string[][] rows =
        [
            ["101", "01/01/2020", "S", "C2", "N1", "U1", "PR1", "", "", "", "TS24 8", "TS25 1", "1000101"],
            ["102", "01/02/2021", "S", "C2", "N2", "U4", "PR1", "", "", "", "TS24 8", "TS25 2", "1000102"],
        ];
        return PreviousEpisodes.Return(2022, more.Length == 0 ? rows : [.. rows, more]);
    }

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        new("503A", () => Was("RNE", "P"), El(2, 3), Ok),
        new("503B", () => Was("LS", "C1"), El(2, 0), Ok),
        new("503C", () => Was("CIN", "N3"), El(2, 0), Ok),
        new("503D", () => Was("PLACE", "U5"), El(2, 0), Ok),
        new("503E", () => Was("PLACE_PROVIDER", "PR2"), El(2, 0), Ok),
        // URNs other than the base's, so that the message quotes none of the fixture's identifier-like values.
        new("503F", () => PreviousEpisodes.Against(PreviousEpisodes.Of2022("URN", "2222222"), DfeFixtures.Base(2023).E(2, "URN", "3333333")), El(2, 0),
            () => PreviousEpisodes.Against(PreviousEpisodes.Of2022("URN", "3333333"), DfeFixtures.Base(2023).E(2, "URN", "3333333"))),
        // TS25 1AA is 1.4 miles from home, TS27 2AA 3.5; TS26 9AA 0.9 (within 0.2 of nothing here).
        new("503G", () => Was("PL_POST", "TS27 2AA"), El(2, 0), Ok),
        new("503H", () => Was("PL_POST", "EH1 1AA"), El(2, 0), Ok),
        new("503J", () => Was("PL_POST", "EH1 1AA"), El(2, 0), () => Was("PL_POST", "TS27 2AA")),
        new("452", () => Was("PL_POST", "EH1 1AA"), El(2, 0), () => Was("PL_POST", "EH1 1AA").WithPreviousReturn(PreviousEpisodes.Of2022("RNE", "P"))),
        new("453", () => Was("PL_POST", "TS27 2AA"), El(2, 0), () => PreviousEpisodes.Against(PreviousEpisodes.Of2022("RNE", "P"))),
        new("562", () => Was("DECOM", "10/02/2020"), El(2, 2), Ok),
        new("NoE", () => PreviousEpisodes.Against(PreviousEpisodes.Return(2022, ["1002", "01/02/2021", "S", "C2", "N2", "K2", "PR1", "", "", "", "TS24 8AA", "TS27 2AA", "1111111"])),
            El(2, 2), Ok),
        // 102 left care on 01/03/2023 after two years; starting on 15/02/2023 instead, the care since the 14th birthday is 14 days.
        // The store's returns reach back to 2018-19, before his 14th birthday (05/03/2019), so all his care is known.
        new("1001", () => DfeBase.Return().Set("Episodes", 3, "DECOM", "15/02/2023").WithPreviousReturn(Last2022(), historyFrom: 2019), At("OC3", 2, "IN_TOUCH"),
            () => DfeBase.Return().WithPreviousReturn(Last2022(), historyFrom: 2019)),
        new("1002", () => Leaver109().WithPreviousReturn(Last2022()), At("OC3", 2, "IN_TOUCH"),
            () => Leaver109().WithPreviousReturn(Last2022("109", "01/02/2019", "S", "C2", "N2", "U4", "PR1", "01/03/2021", "E8", "", "", "", ""))),
        new("1010", () => Leaver109().WithPreviousReturn(Last2022("109", "01/02/2019", "S", "C2", "N2", "U4", "PR1", "", "", "", "", "", "")), At("OC3", 2, "IN_TOUCH"),
            () => Leaver109().WithPreviousReturn(Last2022("109", "01/02/2019", "S", "C2", "N2", "U4", "PR1", "01/03/2021", "E8", "", "", "", ""))),
        new("1012", () => DfeBase.Return().Set("Missing", 2, "CHILD", "109"), At("Missing", 2, "CHILD"), () => DfeBase.Return()),
        new("EPI", () => DfeBase.Return().Add("Header", "109", "1", "01/05/2004", "WBRI", "", "", ""), new("Header.csv", 6, 0),
            () => DfeBase.Return().Add("Header", "109", "1", "01/05/2004", "WBRI", "", "", "").Add("OC3", "109", "01/05/2004", "YES", "F2", "S2")),
    ];
}
