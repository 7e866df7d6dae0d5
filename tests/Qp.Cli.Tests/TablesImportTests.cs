using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests;

/// <summary>Every SSDA903 table is recognised by its headers and stored; a file that is no table is named and left unread.</summary>
public class TablesImportTests
{
    [Fact]
    public void Dolo_and_social_worker_files_are_their_own_tables_not_OC1_and_a_stray_file_is_a_warning()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        // The peer's file names and headers (sw_episodes.csv starts with a byte order mark); a 2000-01 return collects neither table.
        var ret = Write(t.Path, "805_2001",
            ("DoLo.csv", "CHILD,DOB,DOLO_START,DOLO_END\n1001,01/05/1990,01/07/2000,01/08/2000\n"),
            ("sw_episodes.csv", "\uFEFFCHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1001,01/05/1990,SW9,01/06/2000,,\n"),
            ("notes.csv", "Name,Comment\nx,y\n"));

        var run = QpRunner.Run("import", "--db", db, ret);

        run.ExitCode.Should().Be(0, run.Error + run.Out);
        run.Out.Should().Contain("notes.csv:1:0: warning W004: the header row (2 columns) matches no SSDA903 table; the file is not read")
            .And.Contain("DoLo.csv:1:0: warning W014: the DfE collects DoLo from 2026-27, not in 2000-01")
            .And.Contain("sw_episodes.csv:1:0: warning W014: the DfE collects SWEpisodes from 2023-24, not in 2000-01");
        Scalar(db, "SELECT group_concat(file_name || '=' || ifnull(table_name, '-'), ' ') FROM (SELECT * FROM import_files ORDER BY file_name)")
            .Should().Be("CPR.csv=CPR DoLo.csv=DoLo Episodes.csv=Episodes Header.csv=Header OC1.csv=OC1 OC2.csv=OC2 notes.csv=- sw_episodes.csv=SWEpisodes");
        Scalar(db, "SELECT row_json FROM other_rows WHERE table_name = 'DoLo'")
            .Should().Be("{\"CHILD\":\"1001\",\"DOB\":\"01/05/1990\",\"DOLO_START\":\"01/07/2000\",\"DOLO_END\":\"01/08/2000\"}");
        Scalar(db, "SELECT row_json FROM other_rows WHERE table_name = 'SWEpisodes'")
            .Should().Be("{\"CHILD\":\"1001\",\"DOB\":\"01/05/1990\",\"SW_ID\":\"SW9\",\"SW_DECOM\":\"01/06/2000\"}");
        Scalar(db, "SELECT count(*) FROM episodes").Should().Be(3L);
    }
}
