using System.Security.Cryptography;
using System.Text;
using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests;

public class ImportCommandTests
{
    [Fact]
    public void A_valid_return_is_stored_with_its_import_record_and_file_checksums()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var ret = Write(t.Path);

        var run = QpRunner.Run("import", "--db", db, ret);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("805_2001: accepted: 8 rows"); // 2 Header + 3 Episodes + 1 OC1 + 1 OC2 + 1 CPR
        Scalar(db, "SELECT count(*) FROM children").Should().Be(2L);
        Scalar(db, "SELECT count(*) FROM episodes").Should().Be(3L);
        Scalar(db, "SELECT count(*) FROM oc1").Should().Be(1L);
        Scalar(db, "SELECT count(*) FROM oc2").Should().Be(1L);
        Scalar(db, "SELECT count(*) FROM cpr").Should().Be(1L);
        Scalar(db, "SELECT outcome || ' ' || kind || ' ' || la_code || ' ' || year FROM imports").Should().Be("accepted child-level 805 2001");
        Scalar(db, "SELECT row_count FROM import_files WHERE file_name = 'Episodes.csv' AND table_name = 'Episodes'").Should().Be(3L);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(ret, "Episodes.csv"))));
        Scalar(db, "SELECT sha256 FROM import_files WHERE file_name = 'Episodes.csv'").Should().Be(sha);
        Scalar(db, "SELECT dec FROM episodes WHERE child = '1002'").Should().Be("2000-12-01");
    }

    [Fact]
    public void Importing_identical_files_again_is_a_no_op_that_says_so()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var ret = Write(t.Path);
        QpRunner.Run("import", "--db", db, ret).ExitCode.Should().Be(0);
        var before = DbHash(db);

        var run = QpRunner.Run("import", "--db", db, ret);

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("unchanged").And.Contain("nothing was written");
        DbHash(db).Should().Be(before);
    }

    [Fact]
    public void A_changed_resubmission_replaces_the_earlier_return()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, Write(t.Path, "805_2001")).ExitCode.Should().Be(0);
        // The resubmission drops child 1002 (and its OC1 row): 1 child, 2 episodes.
        var v2 = Write(Path.Combine(t.Path, "v2"), "805_2001",
            ("Header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,1,01/05/1990,WBRI,A12345678901A,0,\n"),
            ("Episodes.csv", string.Join("\n", Episodes.Split('\n').Take(3)) + "\n"),
            ("OC1.csv", null));

        var run = QpRunner.Run("import", "--db", db, v2);

        run.ExitCode.Should().Be(0, run.Error + run.Out);
        run.Out.Should().Contain("replaced the earlier return");
        Scalar(db, "SELECT count(*) FROM submissions").Should().Be(1L);
        Scalar(db, "SELECT count(*) FROM children").Should().Be(1L);
        Scalar(db, "SELECT count(*) FROM episodes").Should().Be(2L);
        Scalar(db, "SELECT count(*) FROM oc1").Should().Be(0L);
        Scalar(db, "SELECT group_concat(outcome, ',') FROM (SELECT outcome FROM imports ORDER BY id)").Should().Be("accepted,replaced");
        Scalar(db, "SELECT i.outcome FROM submissions s JOIN imports i ON i.id = s.import_id").Should().Be("replaced");
    }

    [Fact]
    public void Warnings_are_stored_and_shown_and_an_extra_column_is_only_a_warning()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var ret = Write(t.Path, "805_2001", ("Header.csv",
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,NOTES\n1001,1,01/05/1990,WBRI,A12345678901A,0,,x\n1002,2,15/08/1984,BAFR,,1,01/02/2000,y\n"));

        var run = QpRunner.Run("import", "--db", db, ret);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Header.csv:1:8: warning W003: column NOTES is not part of Header; it is ignored");
        Scalar(db, "SELECT code || ' ' || file || ':' || line || ':' || col FROM validation_messages").Should().Be("W003 Header.csv:1:8");
    }

    [Fact]
    public void A_utf8_bom_and_quoted_newlines_are_read_correctly()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        // REASON_PLACE_CHANGE of the second episode holds a quoted line break, so the third episode starts on file line 5.
        var episodes = Episodes.Replace("1001,01/06/2000,P,C2,N1,U5,PR1,,,,", "1001,01/06/2000,P,C2,N1,U5,PR1,,,\"carer\nmoved\",");
        var ret = Write(t.Path, "805_2001", ("Header.csv", "\uFEFF" + Header), ("Episodes.csv", episodes));
        File.ReadAllBytes(Path.Combine(ret, "Header.csv")).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);

        var run = QpRunner.Run("import", "--db", db, ret);

        run.ExitCode.Should().Be(0, run.Error);
        Scalar(db, "SELECT count(*) FROM children").Should().Be(2L);
        Scalar(db, "SELECT reason_place_change FROM episodes WHERE decom = '2000-06-01'").Should().Be("CARER\nMOVED");

        // The same quoted line break before a bad date: the error is located on line 5, where that record starts.
        var bad = Write(Path.Combine(t.Path, "bad"), "805_2001", ("Episodes.csv", episodes.Replace("01/02/1999", "31/02/1999")));
        var v = QpRunner.Run("validate", bad);
        v.Out.Should().Contain("Episodes.csv:5:2: error E204: DECOM 31/02/1999 is not a valid date (dd/mm/yyyy)");
    }

    [Fact]
    public void An_xml_return_is_imported()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var file = t.File("805_2001.xml");
        File.WriteAllText(file, Xml);

        var run = QpRunner.Run("import", "--db", db, file);

        run.ExitCode.Should().Be(0, run.Error + run.Out);
        Scalar(db, "SELECT count(*) FROM episodes").Should().Be(2L);
        Scalar(db, "SELECT place FROM episodes ORDER BY decom LIMIT 1").Should().Be("U4"); // PL → PLACE
        Scalar(db, "SELECT sdq_score FROM oc2 WHERE child = '1001'").Should().Be(12L);
    }

    [Fact]
    public void A_folder_of_returns_imports_each_of_them()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        Write(Path.Combine(t.Path, "tree"), "805_2001");
        Write(Path.Combine(t.Path, "tree"), "806_2001");

        var run = QpRunner.Run("import", "--db", db, Path.Combine(t.Path, "tree"));

        run.ExitCode.Should().Be(0, run.Error);
        Scalar(db, "SELECT group_concat(la_code, ',') FROM (SELECT la_code FROM submissions ORDER BY la_code)").Should().Be("805,806");
    }

    [Fact]
    public void Rules_lists_the_catalogue_as_text_and_csv()
    {
        var text = QpRunner.Run("rules");
        text.ExitCode.Should().Be(0);
        text.Out.Should().MatchRegex(@"E204\s+error\s+141\s+Episodes\s+DECOM must be a valid date \(dd/mm/yyyy\)", "E204 is the DfE's 141");
        var csv = QpRunner.Run("rules", "--format", "csv");
        csv.Out.Split('\n')[0].Should().Be("code,severity,dfe_code,years,table,fields,description");
        csv.Out.Should().Contain("E204,error,141,all years,Episodes,DECOM,DECOM must be a valid date (dd/mm/yyyy)");

        var y2025 = QpRunner.Run("rules", "--year", "2025", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var all = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        y2025.Length.Should().BeGreaterThan(0).And.BeLessThan(all.Length, "rules not in force in 2024-25 (e.g. QP-era OC1 rules) are left out");
        QpRunner.Run("rules", "--year", "2025").Out.Should().Contain("rules in force in 2024-25");
    }

    [Fact]
    public void Validate_reports_every_problem_and_json_on_request()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "805_2001", ("Episodes.csv", Episodes.Replace("01/02/1999,S,C2,N2,K2", "31/02/2001,S,ZZ,N2,K2")));

        var text = QpRunner.Run("validate", ret);
        text.ExitCode.Should().Be(1);
        text.Out.Should().Contain("Episodes.csv:4:2: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)")
            .And.Contain("Episodes.csv:4:4: error E208: LS 'ZZ' is not a valid code");

        var json = QpRunner.Run("validate", "--format", "json", ret);
        json.ExitCode.Should().Be(1);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        var sub = doc.RootElement.GetProperty("submissions")[0];
        sub.GetProperty("la").GetInt32().Should().Be(805);
        sub.GetProperty("accepted").GetBoolean().Should().BeFalse();
        sub.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().Contain(["E204", "E208"]);
    }

    [Fact]
    public void Other_ssda903_tables_are_recognised_by_their_headers_and_stored_as_json()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var ret = Write(t.Path, "return-for-hartlepool", ("asylum.csv", "CHILD,SEX,DOB,DUC\n1001,1,01/05/1990,01/05/2008\n"),
            ("leavers.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1002,15/08/1984,YES,F2,S\n"));

        var run = QpRunner.Run("import", "--db", db, "--la", "805", "--year", "2001", ret);

        run.ExitCode.Should().Be(0, run.Error + run.Out);
        Scalar(db, "SELECT group_concat(table_name, ',') FROM (SELECT table_name FROM other_rows ORDER BY table_name)").Should().Be("OC3,UASC");
        Scalar(db, "SELECT row_json FROM other_rows WHERE table_name = 'OC3'").Should().Be("{\"CHILD\":\"1002\",\"DOB\":\"15/08/1984\",\"IN_TOUCH\":\"YES\",\"ACTIV\":\"F2\",\"ACCOM\":\"S\"}");
        Scalar(db, "SELECT table_name FROM import_files WHERE file_name = 'asylum.csv'").Should().Be("UASC");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("import")]
    [InlineData("rules")]
    public void Each_command_has_help(string command)
    {
        var run = QpRunner.Run(command, "--help");
        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("Usage:").And.Contain(command);
    }
}
