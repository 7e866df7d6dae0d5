using Qp.Domain.Validation;
using Qp.Import.ChildLevel;
using Qp.Tests.Shared;
using Qp.Validate;

namespace Qp.Import.Tests;

/// <summary>A fact that reads the peer validator's public fake XML (data-to-insight, MIT); skipped, saying why, when it is absent.</summary>
public sealed class PeerFactAttribute : FactAttribute
{
    /// <summary>The peer's fake Expanded SSDA903 XML, or null.</summary>
    public static string? FakeXml { get; } = new[]
    {
        Environment.GetEnvironmentVariable("QP_PEER") ?? "",
        Path.Combine(RealData.RepoRoot, "..", "peer"),
        Path.Combine(RealData.RepoRoot, "..", "..", "peer"),
    }.Where(p => p.Length > 0).Select(p => Path.GetFullPath(Path.Combine(p, "tests", "fake_data", "fake_903.xml"))).FirstOrDefault(File.Exists);

    public PeerFactAttribute()
    {
        if (FakeXml is null) Skip = "the peer validator (csc-validator-be-903) is not unpacked beside the repository; set QP_PEER to its folder to run this test";
    }
}

/// <summary>The DfE's Expanded SSDA903 XML: every table read in one streaming pass, and anything out of place a located error.</summary>
public class XmlReturnReaderTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly string dir = Directory.CreateTempSubdirectory("qp-xml-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string WriteXml(string content, string name = "805_2024.xml")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (List<SourceRow> Rows, List<ValidationMessage> Messages, IReadOnlyList<FileTable> Files) ReadAll(string path, int year)
    {
        var rows = new List<SourceRow>();
        var messages = new List<ValidationMessage>();
        var files = SubmissionReader.Read(Submission.Find(path).Single(), new RuleContext(year, Today, messages.Add), rows.Add);
        return (rows, messages, files);
    }

    private static string Row(SourceRow r) => string.Join(",", r.Table.Columns.Select((_, i) => r.Value(i) ?? ""));

    // A hand-written return in the DfE's shape: one child with a record of every kind, one with only a header and an episode.
    private const string EveryTable = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>C1</CHILDID><UPN>A123</UPN><SEX>f</SEX><DOB>01/05/2008</DOB><ETHNIC>WBRI</ETHNIC>
              <UASC>1</UASC><DUC>01/05/2026</DUC>
              <AREVIEW><REVIEW>01/06/2023</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
              <AREVIEW><REVIEW>01/12/2023</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
              <MOTHER /><MC_DOB />
              <AMISSING><MISSING>M</MISSING><MIS_START>02/02/2024</MIS_START><MIS_END>03/02/2024</MIS_END></AMISSING>
              <PERMANENCE><PREV_PERM>Z1</PREV_PERM><LA_PERM /><DATE_PERM /></PERMANENCE>
              <AD_PLACED><DATE_PLACED>01/07/2023</DATE_PLACED><DATE_PLACED_CEASED /><REASON_PLACED_CEASED /></AD_PLACED>
              <DATE_INT>01/08/2023</DATE_INT><DATE_MATCH>01/09/2023</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE><NB_ADOPTR>2</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>
              <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S</ACCOM>
              <OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED><HEALTH_CHECK>1</HEALTH_CHECK></OC2>
              <SW_EPISODE><SW_ID>SW7</SW_ID><SW_DECOM>01/04/2023</SW_DECOM><SW_REASON>MANAGE</SW_REASON></SW_EPISODE>
            </HEADER>
            <EPISODE><DECOM>01/02/2023</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/06/2023</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE><HOME_POST>TS24 8</HOME_POST><PL_POST>TS25 1</PL_POST><URN>SC1</URN></EPISODE>
            <EPISODE><DECOM>01/06/2023</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>u5</PL></EPISODE>
          </CHILD>
          <CHILD>
            <HEADER><CHILDID>C2</CHILDID><SEX>M</SEX><DOB>02/03/2010</DOB><ETHNIC>BAFR</ETHNIC><UASC /><DUC /><IN_TOUCH /></HEADER>
            <EPISODE><DECOM>05/05/2023</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N2</CIN><PL>K2</PL></EPISODE>
          </CHILD>
        </EXPSSDA903>
        """;

    [Fact]
    public void Every_table_of_the_dfe_xml_becomes_its_rows_with_CHILD_DOB_and_SEX_from_HEADER()
    {
        var (rows, messages, files) = ReadAll(WriteXml(EveryTable), 2024);

        messages.Should().BeEmpty();
        string[] Of(TableSchema t) => rows.Where(r => r.Table == t).Select(Row).ToArray();
        // The UASC flag stays with the Header row too (rules 105 and 303 read it).
        Of(Tables.Header).Should().Equal("C1,F,01/05/2008,WBRI,A123,,,1", "C2,M,02/03/2010,BAFR,,,,");
        Of(Tables.Episodes).Should().Equal(
            "C1,01/02/2023,S,C2,N1,U4,PR1,01/06/2023,X1,CARPL,TS24 8,TS25 1,SC1",
            "C1,01/06/2023,P,C2,N1,U5,,,,,,,",
            "C2,05/05/2023,S,V2,N2,K2,,,,,,,");
        Of(Tables.Uasc).Should().Equal("C1,F,01/05/2008,01/05/2026");
        Of(Tables.Reviews).Should().Equal("C1,01/05/2008,01/06/2023,PN1", "C1,01/05/2008,01/12/2023,PN2");
        Of(Tables.Missing).Should().Equal("C1,01/05/2008,M,02/02/2024,03/02/2024");
        Of(Tables.PrevPerm).Should().Equal("C1,01/05/2008,Z1,,");
        Of(Tables.PlacedAdoption).Should().Equal("C1,01/05/2008,01/07/2023,,");
        Of(Tables.Ad1).Should().Equal("C1,01/05/2008,01/08/2023,01/09/2023,0,2,MF,L0");
        Of(Tables.Oc3).Should().Equal("C1,01/05/2008,YES,F2,S");
        Of(Tables.Oc2).Should().Equal("C1,01/05/2008,12,,0,1,,,,,,");
        // An element the reader has no name for is read as the table its fields identify.
        Of(Tables.SwEpisodes).Should().Equal("C1,01/05/2008,SW7,01/04/2023,,MANAGE");
        files.Select(f => (f.Table, f.Rows)).Should().BeEquivalentTo(
            [("Header", 2), ("Episodes", 3), ("UASC", 1), ("Reviews", 2), ("Missing", 1), ("PrevPerm", 1), ("PlacedAdoption", 1),
             ("AD1", 1), ("OC3", 1), ("OC2", 1), ("SWEpisodes", 1)]);
    }

    [Fact]
    public void Fields_are_located_at_their_element_and_rows_at_their_record()
    {
        var (rows, _, _) = ReadAll(WriteXml(EveryTable), 2024);
        var second = rows.Where(r => r.Table == Tables.Episodes).ElementAt(1);
        second.Row.Should().Be(new Location("805_2024.xml", 19, 0));
        second.At("PLACE").Should().Be(new Location("805_2024.xml", 19, 76));
        second.At("DEC").Should().Be(second.Row, "an absent field is located at its record");
        rows.Single(r => r.Table == Tables.Missing).At("MIS_END").Line.Should().Be(10);
    }

    private static string TwoChildren(string between) =>
        "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n" +
        "<CHILD><HEADER><CHILDID>1</CHILDID><SEX>M</SEX><DOB>01/05/2010</DOB></HEADER><EPISODE><DECOM>01/06/2023</DECOM></EPISODE>" + between +
        "<HEADER><CHILDID>2</CHILDID><SEX>9</SEX><DOB>01/05/2010</DOB></HEADER></CHILD>\n</EXPSSDA903>\n";

    [Theory]
    [InlineData("stray", 130)]
    [InlineData("<![CDATA[x]]>", 139)]
    [InlineData("&amp;", 130)]
    public void Text_between_children_is_a_located_error_and_reading_goes_on(string stray, int column)
    {
        var xml = TwoChildren("</CHILD>" + stray + "<CHILD>");
        var report = SubmissionReader.Validate(Submission.Find(WriteXml(xml)).Single(), 2024, Today);

        var lines = report.Messages.Select(m => m.ToString()).ToArray();
        lines.Should().Contain($"805_2024.xml:3:{column}: error E009: unexpected text between CHILD elements; EXPSSDA903 holds only CHILD elements");
        // The child after the stray text is still read: its SEX 9 is found (the DfE's 101, qp's E102 before 2022-23).
        report.Messages.Should().Contain(m => m.Code == "101");
        report.Files.Single(f => f.Table == "Header").Rows.Should().Be(2);
    }

    [Theory]
    [InlineData("trailing text", "</EXPSSDA903>\ngarbage\n", "805_2024.xml:5:1: error E009: the XML is not well-formed")]
    [InlineData("second root", "</EXPSSDA903>\n<EXPSSDA903></EXPSSDA903>\n", "805_2024.xml:5:2: error E009: the XML is not well-formed")]
    [InlineData("element after root", "</EXPSSDA903>\n<CHILD/>\n", "805_2024.xml:5:2: error E009: the XML is not well-formed")]
    public void Content_after_the_root_element_is_a_located_error(string kind, string tail, string expected)
    {
        var xml = TwoChildren("</CHILD><CHILD>").Replace("</EXPSSDA903>\n", tail);
        var report = SubmissionReader.Validate(Submission.Find(WriteXml(xml)).Single(), 2024, Today);
        report.Messages.Select(m => m.ToString()).Should().Contain(m => m.StartsWith(expected), kind);
        report.Accepted.Should().BeFalse();
    }

    [Fact]
    public void Text_beside_fields_and_records_inside_fields_are_located_errors()
    {
        var xml = "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>1</CHILDID><SEX>M</SEX><DOB>01/05/2010</DOB></HEADER>oops\n" +
                  "<EPISODE><DECOM><RNE>S</RNE></DECOM></EPISODE></CHILD>\n</EXPSSDA903>";
        var (_, messages, _) = ReadAll(WriteXml(xml), 2024);
        messages.Select(m => m.ToString()).Should().Contain([
            "805_2024.xml:2:78: error E009: element CHILD holds both text and elements; a record holds only fields and a field only text",
            "805_2024.xml:3:11: error E009: element DECOM inside EPISODE holds elements; EPISODE holds only fields",
        ]);
    }

    [Fact]
    public void Deeply_nested_elements_are_one_located_error_not_a_stack_overflow()
    {
        // 100,000 nested EPISODE elements overflowed the stack (exit 134) when records were read recursively; skipping them kept
        // every open element on the reader's stack (749 MB for 5 million), so past 64 levels reading stops there.
        const int n = 100_000;
        var xml = "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>1</CHILDID><SEX>M</SEX><DOB>01/05/2010</DOB></HEADER>\n" +
                  string.Concat(Enumerable.Repeat("<EPISODE>", n)) + string.Concat(Enumerable.Repeat("</EPISODE>", n)) + "</CHILD>\n</EXPSSDA903>\n";
        var (_, messages, _) = ReadAll(WriteXml(xml), 2024);
        messages.Where(m => m.Code == "E009").Select(m => m.ToString()).Should().Equal(
            "805_2024.xml:3:29: error E009: element EPISODE is nested too deeply: fields of the Expanded SSDA903 schema are at most 4 levels below EXPSSDA903");
        messages.Where(m => m.Code == "E021").Select(m => m.ToString()).Should().Equal(
            "805_2024.xml:3:569: error E021: elements are nested more than 64 levels deep, past the limit (docs/safety.md); reading stopped");
    }

    [Fact]
    public void A_root_other_than_EXPSSDA903_and_a_child_without_header_are_errors()
    {
        ReadAll(WriteXml("<?xml version=\"1.0\"?>\n<RETURN><CHILD/></RETURN>"), 2024).Messages.Where(m => m.Code == "E009").Select(m => m.ToString())
            .Should().Equal("805_2024.xml:2:2: error E009: the root element is RETURN, not EXPSSDA903");
        ReadAll(WriteXml("<EXPSSDA903><CHILD><EPISODE><DECOM>01/06/2023</DECOM></EPISODE></CHILD></EXPSSDA903>"), 2024).Messages.Where(m => m.Code == "E009").Select(m => m.ToString())
            .Should().Equal("805_2024.xml:1:14: error E009: CHILD has no HEADER element");
    }

    [Fact]
    public void Unknown_elements_warn_once_each_and_at_most_a_hundred_kinds()
    {
        var unknown = string.Concat(Enumerable.Range(0, 500).Select(i => $"<EXTRA{i}>x</EXTRA{i}><EXTRA{i}>y</EXTRA{i}>"));
        var xml = $"<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><SEX>M</SEX><DOB>01/05/2010</DOB>{unknown}</HEADER></CHILD></EXPSSDA903>";
        var (rows, all, _) = ReadAll(WriteXml(xml), 2025);
        var messages = all.Where(m => m.Code != "E001").ToList();
        messages.Should().HaveCount(101).And.OnlyContain(m => m.Code == "W003");
        messages[0].Message.Should().Be("field EXTRA0 is not part of Header; it is ignored");
        messages[^1].Message.Should().Be("more than 100 kinds of unknown element; the rest are ignored without a message");
        rows.Should().ContainSingle().Which.Table.Should().Be(Tables.Header);
    }

    [Fact]
    public void A_UASC_flag_of_0_makes_no_UASC_row_and_a_DUC_makes_one_whatever_the_flag()
    {
        // A UASC row means the child is or was UASC: a flag of 0 says the child is not (the open validator makes a row of it all the same).
        const string Flags = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EXPSSDA903>
              <CHILD><HEADER><CHILDID>A</CHILDID><SEX>M</SEX><DOB>01/01/2008</DOB><UASC>0</UASC></HEADER></CHILD>
              <CHILD><HEADER><CHILDID>B</CHILDID><SEX>M</SEX><DOB>01/01/2008</DOB><UASC>1</UASC></HEADER></CHILD>
              <CHILD><HEADER><CHILDID>C</CHILDID><SEX>M</SEX><DOB>01/01/2008</DOB><UASC>0</UASC><DUC>01/06/2023</DUC></HEADER></CHILD>
            </EXPSSDA903>
            """;
        var (rows, messages, _) = ReadAll(WriteXml(Flags), 2024);
        messages.Select(m => m.Code).Should().Equal(["E001"], "no child has an EPISODE, so the Episodes table is missing; nothing else is wrong");
        rows.Where(r => r.Table == Tables.Uasc).Select(Row).Should().Equal("B,M,01/01/2008,", "C,M,01/01/2008,01/06/2023");
        rows.Where(r => r.Table == Tables.Header).Select(r => r["UASC"]).Should().Equal("0", "1", "0");
    }

    [PeerFact]
    public void The_peers_fake_xml_gives_the_tables_and_rows_the_peer_reads_from_it()
    {
        // Counts from the peer's own reader (lac_validator.ingress.read_xml_from_text) on the same file: rows and distinct children.
        var (rows, messages, _) = ReadAll(PeerFactAttribute.FakeXml!, 2018);

        messages.Where(m => m.Severity == Severity.Error).Should().BeEmpty();
        messages.Should().BeEmpty("every element of the file is part of the schema");
        var byTable = rows.GroupBy(r => r.Table.Name).ToDictionary(g => g.Key, g => (Rows: g.Count(), Children: g.Select(r => r.Child).Distinct().Count()));
        byTable.Should().BeEquivalentTo(new Dictionary<string, (int, int)>
        {
            ["Header"] = (253, 253), ["Episodes"] = (459, 198), ["UASC"] = (12, 12), ["Reviews"] = (1206, 253), ["OC2"] = (253, 253),
            ["OC3"] = (6, 6), ["AD1"] = (3, 3), ["PlacedAdoption"] = (3, 3), ["PrevPerm"] = (253, 253), ["Missing"] = (6, 6),
        });
        // The first child as the peer reads it: its Header row, first review and first episode.
        Row(rows.First(r => r.Table == Tables.Header)).Should().Be("907440,2,28/07/2010,BAFR,O013219285333,,,");
        Row(rows.First(r => r.Table == Tables.Reviews)).Should().Be("907440,28/07/2010,27/09/2015,PN0");
        Row(rows.First(r => r.Table == Tables.Episodes)).Should().Be("907440,06/01/2017,T,J3,N4,R5,PR2,06/10/2017,X1,CUSTOD,B15 8PZ,E7 5YR,1465167");
        Row(rows.First(r => r.Table == Tables.Uasc)).Should().Be("996322,2,03/10/2002,28/09/2020");
    }
}
