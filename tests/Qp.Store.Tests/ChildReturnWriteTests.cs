using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;
using Qp.Store;

namespace Qp.Store.Tests;

public class ChildReturnWriteTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static readonly ImportFile[] Files = [new("Episodes.csv", "ab12", "Episodes", 1)];

    private static void Write(SqliteConnection conn, string child, string hash, bool commit = true)
    {
        using var w = ChildReturnStore.BeginSubmission(conn, 805, 2001, hash, Files);
        w.Add(new ChildHeader(child, "1", new DateOnly(1990, 5, 1), "WBRI", null, "0", null));
        w.Add(new Episode(child, new DateOnly(2000, 6, 1), "S", "C2", "N1", "U4", "PR1", null, null, null, null, null, null));
        w.AddOther("UASC", "{\"CHILD\":\"" + child + "\"}");
        if (commit) w.Commit([]);
    }

    [Fact]
    public void A_written_return_loads_back_and_a_second_one_replaces_it()
    {
        using var conn = QpDatabase.Open(Path.Combine(dir, "qp.db"));
        Write(conn, "A", "h1");
        ChildReturnStore.CurrentContentHash(conn, 805, 2001).Should().Be("h1");

        Write(conn, "B", "h2");

        var loaded = ChildReturnStore.Load(conn, 805, 2001)!;
        loaded.Headers.Select(h => h.Child).Should().Equal("B");
        loaded.Episodes.Should().ContainSingle().Which.Decom.Should().Be(new DateOnly(2000, 6, 1));
        ChildReturnStore.CurrentContentHash(conn, 805, 2001).Should().Be("h2");
        SqlRows.Read(conn, "SELECT count(*) FROM other_rows", r => r.GetInt64(0)).Should().Equal(1L); // the first return's row cascaded away
        SqlRows.Read(conn, "SELECT outcome FROM imports ORDER BY id", r => r.GetString(0)).Should().Equal("accepted", "replaced");
    }

    [Fact]
    public void A_writer_disposed_without_commit_leaves_the_earlier_return_in_place()
    {
        using var conn = QpDatabase.Open(Path.Combine(dir, "qp.db"));
        Write(conn, "A", "h1");

        Write(conn, "B", "h2", commit: false);

        ChildReturnStore.Load(conn, 805, 2001)!.Headers.Select(h => h.Child).Should().Equal("A");
        SqlRows.Read(conn, "SELECT count(*) FROM imports", r => r.GetInt64(0)).Should().Equal(1L);
    }
}
