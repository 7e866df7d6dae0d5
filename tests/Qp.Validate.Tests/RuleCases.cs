namespace Qp.Validate.Tests;

/// <summary>One rule's fixtures: a return that breaks it (and where the finding must be) and one that passes it.</summary>
/// <param name="Code">The rule.</param>
/// <param name="Fail">A return breaking exactly this rule (plus the <paramref name="Also"/> codes its edit unavoidably triggers).</param>
/// <param name="At">Expected file, line and column of the finding.</param>
/// <param name="Pass">A return, as close to the failing one as possible, that does not break the rule.</param>
/// <param name="Also">Other codes the failing edit necessarily fires.</param>
public sealed record RuleCase(string Code, Func<ReturnFixture> Fail, Location At, Func<ReturnFixture> Pass, params string[] Also);

/// <summary>A further set of rule fixtures (e.g. the DfE rules of one table family), found by <see cref="RuleCases.All"/> through reflection.</summary>
public interface IRuleCaseSet
{
    /// <summary>The cases of this set.</summary>
    static abstract IEnumerable<RuleCase> Cases { get; }
}

/// <summary>The fixtures of every rule in the catalogue.</summary>
public static class RuleCases
{
    /// <summary>Every case, by code: the tool's own rules below plus every <see cref="IRuleCaseSet"/> in this assembly.</summary>
    public static readonly IReadOnlyDictionary<string, RuleCase> All = Own.Values
        .Concat(typeof(RuleCases).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Contains(typeof(IRuleCaseSet)))
            .SelectMany(t => (IEnumerable<RuleCase>)t.GetProperty(nameof(IRuleCaseSet.Cases))!.GetValue(null)!))
        .ToDictionary(c => c.Code);

    private static ReturnFixture V() => ReturnFixture.Valid();
    private static ReturnFixture H(int line, string col, string v) => V().Set("Header", line, col, v);
    private static ReturnFixture Ep(int line, string col, string v) => V().Set("Episodes", line, col, v);
    private static ReturnFixture O1(string col, string v) => V().Set("OC1", 2, col, v);
    private static ReturnFixture O2(string col, string v) => V().Set("OC2", 2, col, v);
    private static ReturnFixture C(string col, string v) => V().Set("CPR", 2, col, v);
    private static Location At(string file, int line, int col) => new(file, line, col);

    private const string Oc1Header = "CHILD,DOB,QUAL_GCSE_GNVQ,QUAL_5AC\n";
    private const string ValidXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>1001</CHILDID><SEX>1</SEX><DOB>01/05/1990</DOB><ETHNIC>WBRI</ETHNIC><UPN>A12345678901A</UPN><MOTHER>0</MOTHER>
            </HEADER>
            <EPISODE><DECOM>01/06/2000</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U5</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER></EPISODE>
          </CHILD>
        </EXPSSDA903>
        """;

    /// <summary>Whether <paramref name="code"/>'s case is one of the tool's own QP-era cases below (not from an <see cref="IRuleCaseSet"/>).</summary>
    public static bool IsOwn(string code) => Own.ContainsKey(code);

    /// <summary>The cases of the tool's own rules of the QP era, by code.</summary>
    private static IReadOnlyDictionary<string, RuleCase> Own => own ??= new RuleCase[]
    {
        // File level (0xx).
        new("E001", () => V().Remove("Header"), At("805_2001", 0, 0), V, "E601", "E604"),
        new("E002", () => V().RemoveColumn("Header", "MC_DOB"), At("Header.csv", 1, 0), V),
        new("W003", () => V().AddColumn("Header", "EXTRA", "x"), At("Header.csv", 1, 8), V),
        new("W004", () => V().Raw("Notes.csv", "A,B\n1,2\n"), At("Notes.csv", 1, 0), V),
        new("E005", () => V().Raw("Extra.csv", ""), At("Extra.csv", 0, 0), V),
        new("E006", () => V().Raw("OC1.csv", "CHILD;DOB;QUAL_GCSE_GNVQ;QUAL_5AC\n1002;15/08/1984;1;0\n"), At("OC1.csv", 1, 0), V, "W605"),
        new("E007", () => V().Raw("OC1copy.csv", Oc1Header + "1002,15/08/1984,1,0\n"), At("OC1copy.csv", 1, 0), V),
        new("E008", () => V().Add("CPR", "2002", "03/03/1995", "01/06/2000", "", "NEG", "0", "EXTRA"), At("CPR.csv", 3, 0), V),
        new("E009", () => V().Raw("CPR.csv", "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n2001,03/03/1995,01/05/2000,,\"NEG,0\n"), At("CPR.csv", 2, 0), V, "E008", "E508"),
        new("E010", () => ReturnFixture.FromXml("<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<EXPSSDA903>&x;</EXPSSDA903>\n"),
            At("805_2001.xml", 2, 1), () => ReturnFixture.FromXml(ValidXml), "E001"),
        new("W011", () => V().Raw("CPR.csv", "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n"), At("CPR.csv", 1, 0), V),
        new("E012", () => V().AddColumn("Header", "SEX", "1"), At("Header.csv", 1, 0), V),
        new("W013", () => V().Raw("notes.txt", "hello"), At("notes.txt", 0, 0), V),
        new("W014", () => V().Raw("SWEpisodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1001,01/05/1990,SW1,01/06/2000,,\n"), At("SWEpisodes.csv", 1, 0), V),
        new("E020", () => V().Link("CPR.csv", "/dev/zero"), At("CPR.csv", 0, 0), V),
        // 40,000 rows of three errors each: reading stops once the file has 100,000 (row 33,334, line 33,336).
        new("E021", () => V().Raw("CPR.csv", "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n" + string.Concat(Enumerable.Repeat(",,,,,\n", 40_000))),
            At("CPR.csv", 33_336, 0), V, "E501", "E502", "E508"),
        new("E022", () => V().AsWorkbook(rows => rows.Select(r => r.Replace("<c r=\"B2\" t=\"inlineStr\"><is><t>10/01/1999</t></is></c>", "<c r=\"B2\"><f>DATE(1999,1,10)</f></c>"))),
            At("805_2001.xlsx[Episodes]", 2, 2), () => V().AsWorkbook(rows => rows.Select(r => r.Replace("<c r=\"B2\" t=\"inlineStr\"><is><t>10/01/1999</t></is></c>",
                $"<c r=\"B2\" s=\"{Qp.Cli.Tests.Corpus.MiniXlsx.DateStyle}\"><f>DATE(1999,1,10)</f><v>36170</v></c>"))), "E202", "E221", "W606"),
        new("E023", () => V().AsWorkbook(rows => rows.Select(r => r.Replace("<c r=\"B2\" t=\"inlineStr\"><is><t>10/01/1999</t></is></c>",
                $"<c r=\"B2\" s=\"{Qp.Cli.Tests.Corpus.MiniXlsx.DateStyle}\"><v>-36170</v></c>"))),
            At("805_2001.xlsx[Episodes]", 2, 2), () => V().AsWorkbook(rows => rows.Select(r => r.Replace("<c r=\"B2\" t=\"inlineStr\"><is><t>10/01/1999</t></is></c>",
                $"<c r=\"B2\" s=\"{Qp.Cli.Tests.Corpus.MiniXlsx.DateStyle}\"><v>36170</v></c>"))), "E202", "E221", "W606"),
        new("E024", () => V().Raw("Notes.csv", [(byte)'A', 0xE9, (byte)'\n']), At("Notes.csv", 1, 2), V),

        // Header (1xx).
        new("E101", () => H(2, "CHILD", ""), At("Header.csv", 2, 1), V, "E601"),
        new("E102", () => H(2, "SEX", "3"), At("Header.csv", 2, 2), () => H(2, "SEX", "2")),
        new("E103", () => H(2, "ETHNIC", "XXXX"), At("Header.csv", 2, 4), () => H(2, "ETHNIC", "wbri")),
        new("E104", () => H(2, "DOB", ""), At("Header.csv", 2, 3), V),
        new("E105", () => H(2, "DOB", "31/02/1990"), At("Header.csv", 2, 3), () => H(2, "DOB", "28/02/1990")),
        new("E106", () => H(2, "DOB", "01/05/2001"), At("Header.csv", 2, 3), () => H(2, "DOB", "01/05/1998"), "E603"),
        new("E107", () => V().Add("Header", "1001", "1", "01/05/1990", "WBRI", "", "0", ""), At("Header.csv", 4, 0), V),
        new("E108", () => H(2, "MOTHER", "2"), At("Header.csv", 2, 6), () => H(2, "MOTHER", "")),
        new("E109", () => H(3, "MC_DOB", "31/02/2000"), At("Header.csv", 3, 7), V),
        new("E110", () => H(2, "MC_DOB", "01/01/2000"), At("Header.csv", 2, 7), V),
        new("E111", () => H(2, "MOTHER", "1"), At("Header.csv", 2, 6), V),
        new("W112", () => H(2, "UPN", "12345"), At("Header.csv", 2, 5), () => H(2, "UPN", "UN1")),
        new("E113", () => H(3, "MC_DOB", "01/02/1980"), At("Header.csv", 3, 7), V),
        // 01/05/1980 is 19 on 01/04/2000; 02/04/1982 is 17.
        new("W114", () => H(2, "DOB", "01/05/1980"), At("Header.csv", 2, 3), () => H(2, "DOB", "02/04/1982")),

        // Episodes (2xx), row rules.
        new("E201", () => Ep(4, "CHILD", ""), At("Episodes.csv", 4, 1), V, "W602", "E604"),
        new("E202", () => Ep(4, "DECOM", ""), At("Episodes.csv", 4, 2), V, "E604"),
        new("E203", () => Ep(4, "RNE", ""), At("Episodes.csv", 4, 3), V),
        new("E204", () => Ep(4, "DECOM", "31/02/2001"), At("Episodes.csv", 4, 2), () => Ep(4, "DECOM", "28/02/1999"), "E604"),
        new("E205", () => Ep(3, "DECOM", "01/04/2001"), At("Episodes.csv", 3, 2), () => Ep(3, "DECOM", "01/06/2000"), "E221", "E223", "W606"),
        new("E206", () => Ep(3, "RNE", "Z"), At("Episodes.csv", 3, 3), () => Ep(3, "RNE", "p")),
        new("E207", () => Ep(4, "LS", ""), At("Episodes.csv", 4, 4), V),
        new("E208", () => Ep(4, "LS", "X9"), At("Episodes.csv", 4, 4), () => Ep(4, "LS", "c1")),
        new("E209", () => Ep(4, "CIN", "N9"), At("Episodes.csv", 4, 5), () => Ep(4, "CIN", "")),
        new("E210", () => Ep(4, "PLACE", ""), At("Episodes.csv", 4, 6), V),
        new("E211", () => Ep(4, "PLACE", "Z9"), At("Episodes.csv", 4, 6), () => Ep(4, "PLACE", "Q1")),
        new("W212", () => Ep(4, "PLACE_PROVIDER", "PR9"), At("Episodes.csv", 4, 7), () => Ep(4, "PLACE_PROVIDER", "PR0")),
        new("E213", () => Ep(4, "DEC", "31/02/2000"), At("Episodes.csv", 4, 8), V, "E604"),
        new("E214", () => Ep(4, "DEC", "01/01/1999"), At("Episodes.csv", 4, 8), () => Ep(4, "DEC", "01/02/1999"), "E604", "W607"),
        new("E215", () => Ep(4, "DEC", "01/05/2001"), At("Episodes.csv", 4, 8), () => Ep(4, "DEC", "31/03/2001"), "E604"),
        new("E216", () => Ep(4, "REC", "E99"), At("Episodes.csv", 4, 9), () => Ep(4, "REC", "e4a")),
        new("E217", () => Ep(4, "REC", ""), At("Episodes.csv", 4, 9), V, "E604"),
        // Child 1002 left care E8 from K2; E11 (adopted) needs an adoption placement.
        new("E228", () => Ep(4, "REC", "E11"), At("Episodes.csv", 4, 9), () => Ep(4, "REC", "E11").Set("Episodes", 4, "PLACE", "A4")),
        // E229 (the DfE's 217) checks only episodes from 1 April 2015: its case is in Dfe/DfeCases.cs on a modern return.
        new("W230", () => Ep(2, "HOME_POST", "NOT A POSTCODE"), At("Episodes.csv", 2, 11), () => Ep(2, "HOME_POST", "ts24 8aa")),

        // Episodes (2xx), sequence rules.
        new("E218", () => V().Add("Episodes", "1002", "01/06/2000", "S", "C2", "N2", "K2", "PR1", "01/12/2000", "E8", "", "TS24 8", "", "SC123456"),
            At("Episodes.csv", 5, 2),
            () => V().Add("Episodes", "1002", "01/12/2000", "S", "C2", "N2", "K2", "PR1", "01/01/2001", "E8", "", "TS24 8", "", "SC123456")),
        new("E219", () => Ep(2, "DEC", "").Set("Episodes", 2, "REC", ""), At("Episodes.csv", 2, 0), V, "E221"),
        new("E220", () => V().Add("Episodes", "1002", "01/02/1999", "S", "C2", "N2", "K2", "PR1", "01/12/2000", "E8", "", "TS24 8", "", "SC123456"),
            At("Episodes.csv", 5, 2), V, "E218"),
        new("E221", () => Ep(2, "REC", "E8"), At("Episodes.csv", 3, 3), () => Ep(2, "REC", "E8").Set("Episodes", 3, "RNE", "S")),
        new("E222", () => Ep(3, "RNE", "S"), At("Episodes.csv", 3, 3), V, "W606"),
        new("E223", () => Ep(3, "DECOM", "02/06/2000"), At("Episodes.csv", 2, 0), V, "E221"),
        new("E224", () => Ep(3, "RNE", "B"), At("Episodes.csv", 3, 3), () => Ep(3, "RNE", "B").Set("Episodes", 3, "LS", "C1")),
        new("E225", () => Ep(3, "RNE", "L").Set("Episodes", 3, "LS", "C1"), At("Episodes.csv", 3, 3),
            () => Ep(3, "RNE", "L").Set("Episodes", 3, "LS", "C1").Set("Episodes", 3, "PLACE", "U4").Set("Episodes", 3, "PL_POST", "TS25 1")),
        new("E226", () => Ep(3, "PLACE", "U4").Set("Episodes", 3, "PL_POST", "TS25 1"), At("Episodes.csv", 3, 3), V),
        new("E227", () => Ep(3, "LS", "C1"), At("Episodes.csv", 3, 3), () => Ep(3, "LS", "C1").Set("Episodes", 3, "RNE", "U")),

        // OC1 (3xx).
        new("E301", () => O1("CHILD", ""), At("OC1.csv", 2, 1), V, "W605"),
        new("E302", () => O1("QUAL_GCSE_GNVQ", "2"), At("OC1.csv", 2, 3), () => O1("QUAL_GCSE_GNVQ", "0")),
        new("E303", () => O1("QUAL_5AC", "x"), At("OC1.csv", 2, 4), () => O1("QUAL_5AC", "")),
        new("E304", () => O1("QUAL_5AC", "1").Set("OC1", 2, "QUAL_GCSE_GNVQ", "0"), At("OC1.csv", 2, 4), () => O1("QUAL_5AC", "1")),
        new("E305", () => V().Add("OC1", "1002", "15/08/1984", "1", "0"), At("OC1.csv", 3, 0), V),
        new("E306", () => O1("DOB", "31/02/1984"), At("OC1.csv", 2, 2), V),

        // OC2 (4xx).
        new("E401", () => O2("CHILD", ""), At("OC2.csv", 2, 1), V),
        new("E402", () => O2("SDQ_SCORE", "41"), At("OC2.csv", 2, 3), () => O2("SDQ_SCORE", "40")),
        new("E403", () => O2("SDQ_REASON", "SDQ1"), At("OC2.csv", 2, 4), () => O2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "")),
        new("E404", () => O2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "SDQ9"), At("OC2.csv", 2, 4), () => O2("SDQ_SCORE", "").Set("OC2", 2, "SDQ_REASON", "sdq5")),
        new("E405", () => O2("CONVICTED", "2"), At("OC2.csv", 2, 5), () => O2("CONVICTED", "")),
        new("E406", () => O2("INTERVENTION_RECEIVED", "1"), At("OC2.csv", 2, 10), () => O2("INTERVENTION_RECEIVED", "1").Set("OC2", 2, "SUBSTANCE_MISUSE", "1")),
        new("E407", () => V().Add("OC2", "1001", "01/05/1990", "12", "", "0", "1", "1", "1", "1", "0", "0", "0"), At("OC2.csv", 3, 0), V),
        new("E408", () => O2("DOB", "31/02/1990"), At("OC2.csv", 2, 2), V),

        // CPR (5xx).
        new("E501", () => C("CHILD", ""), At("CPR.csv", 2, 1), V),
        new("E502", () => C("REG_DATE", ""), At("CPR.csv", 2, 3), V),
        new("E503", () => C("REG_DATE", "31/02/2000"), At("CPR.csv", 2, 3), V),
        new("E504", () => C("REG_DATE", "01/03/2000"), At("CPR.csv", 2, 3), () => C("REG_DATE", "01/04/2000")),
        new("E505", () => C("DEREG_DATE", "31/02/2001"), At("CPR.csv", 2, 4), () => C("DEREG_DATE", "")),
        new("E506", () => C("DEREG_DATE", "01/04/2000"), At("CPR.csv", 2, 4), () => C("DEREG_DATE", "01/05/2000")),
        new("E507", () => C("DEREG_DATE", "01/04/2001"), At("CPR.csv", 2, 4), () => C("DEREG_DATE", "31/03/2001")),
        new("E508", () => C("CATEGORY", "ABC"), At("CPR.csv", 2, 5), () => C("CATEGORY", "mul")),
        new("E509", () => C("PREV_REG", "3"), At("CPR.csv", 2, 6), () => C("PREV_REG", "1")),
        new("E510", () => C("DOB", "31/02/1995"), At("CPR.csv", 2, 2), V),
        new("E512", () => V().Add("CPR", "7007", "03/03/1995", "01/05/2000", "", "PHY", "0"), At("CPR.csv", 3, 0),
            () => V().Add("CPR", "7007", "03/03/1995", "01/06/2000", "", "PHY", "1")),

        // Cross-table (6xx).
        new("E601", () => V().Add("Episodes", "3003", "01/01/2001", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8", "TS25 1", ""), At("Episodes.csv", 5, 0),
            () => V().Add("Episodes", "3003", "01/01/2001", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8", "TS25 1", "")
                     .Add("Header", "3003", "1", "01/01/1995", "WBRI", "", "0", "")),
        new("W602", () => V().Add("Header", "3003", "1", "01/01/1995", "WBRI", "", "0", ""), At("Header.csv", 4, 0),
            () => V().Add("Episodes", "3003", "01/01/2001", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8", "TS25 1", "")
                     .Add("Header", "3003", "1", "01/01/1995", "WBRI", "", "0", "")),
        new("E603", () => H(2, "DOB", "01/02/1999"), At("Episodes.csv", 2, 2), () => H(2, "DOB", "10/01/1998")),
        new("E604", () => O1("CHILD", "1001"), At("OC1.csv", 2, 0), V, "W605"),
        new("W605", () => V().Remove("OC1"), At("Episodes.csv", 4, 0), V),
        new("W606", () => O2("CHILD", "1002"), At("OC2.csv", 2, 0), V),
        new("W607", () => V().Add("Header", "3003", "1", "01/01/1990", "WBRI", "", "0", "")
                .Add("Episodes", "3003", "01/01/1998", "S", "C2", "N1", "U4", "PR1", "01/02/1999", "E8", "", "TS24 8", "TS25 1", ""), At("Header.csv", 4, 0),
            () => V().Add("Header", "3003", "1", "01/01/1990", "WBRI", "", "0", "")
                .Add("Episodes", "3003", "01/01/1998", "S", "C2", "N1", "U4", "PR1", "01/05/2000", "E8", "", "TS24 8", "TS25 1", "")),

        // Previous year (7xx): against the authority's 2000 return.
        new("W701", () => V().WithPrevious("1001 10/02/1999 S C2 N1 U4 PR1", "1002 01/02/1999 S C2 N2 K2 PR1"), At("Episodes.csv", 2, 2),
            () => V().WithPrevious(ReturnFixture.ConsistentPrevious)),
        new("W702", () => V().WithPrevious("1001 10/01/1999 S C2 N1 U6 PR1", "1002 01/02/1999 S C2 N2 K2 PR1"), At("Episodes.csv", 2, 0),
            () => V().WithPrevious(ReturnFixture.ConsistentPrevious)),
        new("W703", () => V().WithPrevious("1002 01/02/1999 S C2 N2 K2 PR1"), At("Episodes.csv", 2, 2),
            () => V().WithPrevious(ReturnFixture.ConsistentPrevious)),
    }.ToDictionary(c => c.Code);

    private static IReadOnlyDictionary<string, RuleCase>? own;
}
