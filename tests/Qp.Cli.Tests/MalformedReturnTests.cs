using System.Text;
using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests;

/// <summary>Bad input of every kind: a clear located message, exit 1 or 2, and a store byte-for-byte unchanged.</summary>
public class MalformedReturnTests
{
    /// <summary>name → (files to replace in the valid return, expected exit code, text the message must contain).</summary>
    private static readonly Dictionary<string, ((string File, string? Content)[] Changes, int Exit, string Expect)> CsvCases = new()
    {
        ["empty file"] = ([("Episodes.csv", "")], 1, "Episodes.csv:0:0: error E005: the file is empty"),
        ["semicolon delimiter"] = ([("Header.csv", Header.Replace(',', ';'))], 1, "Header.csv:1:0: error E006: the file is separated by ';' (semicolon), not commas"),
        ["tab delimiter"] = ([("Header.csv", Header.Replace(',', '\t'))], 1, "Header.csv:1:0: error E006: the file is separated by a tab, not commas"),
        ["missing column"] = ([("Episodes.csv", Episodes.Replace("CHILD,DECOM,RNE,", "CHILD,DECOM,").Replace(",S,C2", ",C2").Replace(",P,C2", ",C2"))],
            1, "Episodes.csv:1:0: error E002: Episodes column RNE is missing"),
        ["extra values in a row"] = ([("CPR.csv", Cpr + "7008,03/03/1995,01/06/2000,,NEG,0,SURPLUS\n")], 1, "CPR.csv:3:0: error E008: the row has 7 values but the header has 6 columns"),
        ["invalid date 31/02/2001"] = ([("Episodes.csv", Episodes.Replace("01/02/1999", "31/02/2001"))], 1,
            "Episodes.csv:4:2: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)"),
        ["unknown code"] = ([("Episodes.csv", Episodes.Replace(",K2,", ",K9,"))], 1, "Episodes.csv:4:6: error E211: PLACE 'K9' is not a valid code"),
        ["duplicated child"] = ([("Header.csv", Header + "1001,1,01/05/1990,WBRI,,0,\n")], 1, "Header.csv:4:0: error E107: a second Header row for the same CHILD (first at line 2)"),
        ["overlapping episodes"] = ([("Episodes.csv", Episodes + "1002,01/06/2000,S,C2,N2,K2,PR1,01/12/2000,E8,,TS24 8,,SC123456\n")], 1,
            "Episodes.csv:5:2: error E218: DECOM 01/06/2000 is before the previous episode's DEC 01/12/2000 (line 4): episodes overlap"),
        ["unterminated quote"] = ([("CPR.csv", Cpr + "7008,03/03/1995,\"01/06/2000,,NEG,0\n")], 1, "CPR.csv:3:0: error E009: malformed quoting"),
        ["no Header table"] = ([("Header.csv", null)], 1, "805_2001:0:0: error E001: the submission has no Header table"),
        // A Header file saved without its header row: the first data row (an identifier and a date of birth) must not be echoed.
        // The file is named and not read, so the return has no Header table.
        ["file without header row"] = ([("Header.csv", Header[(Header.IndexOf('\n') + 1)..])], 1, "Header.csv:1:0: warning W004: the header row (7 columns) matches no SSDA903 table"),
    };

    public static TheoryData<string> CsvCaseNames() => new(CsvCases.Keys);

    /// <summary>A store that already holds one accepted return (for another authority), so "unchanged" is tested on real content.</summary>
    private static string SeededStore(TempDir t)
    {
        var db = t.File("qp.db");
        var seed = Write(Path.Combine(t.Path, "seed"), "806_2001");
        QpRunner.Run("import", "--db", db, seed).ExitCode.Should().Be(0);
        return db;
    }

    private static void AssertRejectedAndUnchanged(string db, string path, int exit, string expect)
    {
        var before = DbHash(db);
        var run = QpRunner.Run("import", "--db", db, path);
        run.ExitCode.Should().Be(exit, run.Out + run.Error);
        run.Error.Should().Contain(expect);
        run.Error.Should().NotContain("   at ", "no stack trace");
        run.Error.Should().NotContain("01/05/1990").And.NotContain("A12345678901A", "messages never quote identifiers");
        DbHash(db).Should().Be(before, "a rejected return changes nothing in the store");
    }

    [Theory]
    [MemberData(nameof(CsvCaseNames))]
    public void A_malformed_csv_return_is_rejected_with_a_located_message_and_the_store_unchanged(string name)
    {
        using var t = new TempDir();
        var db = SeededStore(t);
        var (changes, exit, expect) = CsvCases[name];
        var ret = Write(t.Path, "805_2001", changes);
        AssertRejectedAndUnchanged(db, ret, exit, expect);
    }

    [Theory]
    [InlineData("truncated", "E009")]
    [InlineData("dtd", "E010")]
    [InlineData("billion laughs", "E010")]
    [InlineData("text between children", "E009")]
    [InlineData("entity between children", "E009")]
    [InlineData("trailing garbage", "E009")]
    [InlineData("second root", "E009")]
    [InlineData("100,000 nested episodes", "E009")]
    public void Bad_xml_is_rejected_and_the_store_unchanged(string kind, string code)
    {
        using var t = new TempDir();
        var db = SeededStore(t);
        var file = t.File("805_2001.xml");
        var text = kind switch
        {
            "truncated" => Xml[..(Xml.Length / 2)],
            "dtd" => "<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<EXPSSDA903><CHILD>&x;</CHILD></EXPSSDA903>\n",
            // Each of these was accepted (the rest of the file silently dropped, or the tail ignored) or crashed the process.
            "text between children" => Xml.Replace("</CHILD>", "</CHILD>stray"),
            "entity between children" => Xml.Replace("</CHILD>", "</CHILD>&amp;"),
            "trailing garbage" => Xml + "garbage\n",
            "second root" => Xml + "<EXPSSDA903></EXPSSDA903>\n",
            "100,000 nested episodes" => Xml.Replace("</CHILD>", string.Concat(Enumerable.Repeat("<EPISODE>", 100_000)) + string.Concat(Enumerable.Repeat("</EPISODE>", 100_000)) + "</CHILD>"),
            _ => "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                 "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<EXPSSDA903>&lol3;</EXPSSDA903>\n",
        };
        File.WriteAllText(file, text);
        AssertRejectedAndUnchanged(db, file, 1, $"805_2001.xml:");
        QpRunner.Run("validate", file).Out.Should().Contain($"error {code}:");
    }

    [Fact]
    public void A_folder_with_no_returns_is_a_usage_error_and_the_store_unchanged()
    {
        using var t = new TempDir();
        var db = SeededStore(t);
        var empty = Directory.CreateDirectory(t.File("empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "nothing here");
        AssertRejectedAndUnchanged(db, empty, 2, "no child-level return here");
    }

    [Fact]
    public void A_missing_path_an_unknown_authority_or_an_unknown_year_is_a_usage_error()
    {
        using var t = new TempDir();
        var db = SeededStore(t);
        AssertRejectedAndUnchanged(db, t.File("no-such-return"), 2, "no such file or folder");
        AssertRejectedAndUnchanged(db, Write(t.Path, "999_2001"), 2, "authority 999 is not in the authorities table");
        AssertRejectedAndUnchanged(db, Write(t.Path, "plain"), 2, "cannot tell the collection year");
    }

    [Fact]
    public void A_very_large_return_with_one_bad_row_at_the_end_is_rejected_and_the_store_unchanged()
    {
        using var t = new TempDir();
        var db = SeededStore(t);
        var dir = Directory.CreateDirectory(t.File("805_2001")).FullName;
        // 100,000 children with two episodes each: 200,000 episode rows; the last DECOM is 31/02/2001.
        const int children = 100_000;
        using (var h = new StreamWriter(Path.Combine(dir, "Header.csv")))
        using (var e = new StreamWriter(Path.Combine(dir, "Episodes.csv")))
        {
            h.Write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
            e.Write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
            for (int i = 0; i < children; i++)
            {
                h.Write($"C{i},1,01/05/1990,WBRI,,0,\n");
                e.Write($"C{i},10/01/1999,S,C2,N1,U4,PR1,01/06/2000,X1,,TS24 8,TS25 1,\n");
                e.Write(i == children - 1 ? $"C{i},31/02/2001,P,C2,N1,U5,PR1,,,,TS24 8,TS26 9,\n" : $"C{i},01/06/2000,P,C2,N1,U5,PR1,,,,TS24 8,TS26 9,\n");
            }
        }
        // Line of the last episode: header line 1 + 200,000 rows.
        AssertRejectedAndUnchanged(db, dir, 1, "Episodes.csv:200001:2: error E204: DECOM 31/02/2001 is not a valid date");
    }
}
