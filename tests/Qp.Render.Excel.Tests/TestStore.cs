using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Validation;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Render.Excel.Tests;

/// <summary>A store in a temporary folder, filled with hand-made authorities, results and warnings; deleted when disposed.</summary>
public sealed class TestStore : IDisposable
{
    public TestStore()
    {
        Folder = Directory.CreateTempSubdirectory("qp-excel-").FullName;
        DbPath = System.IO.Path.Combine(Folder, "qp.db");
        Conn = QpDatabase.Open(DbPath);
    }

    public string Folder { get; }

    public string DbPath { get; }

    public SqliteConnection Conn { get; }

    /// <summary>The shipped indicator catalogue (templates/indicators).</summary>
    public static IReadOnlyList<IndicatorDefinition> Catalogue { get; } =
        IndicatorCatalogueFile.ReadFolder(System.IO.Path.Combine(RepoRoot(), "templates", "indicators"));

    // Not RealData.RepoRoot: RealData's static initialisers run Find() before RepoRoot is set, so touching it throws.
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(d.FullName, "QpReporting.sln"))) return d.FullName;
        throw new InvalidOperationException("QpReporting.sln not found above the test assembly");
    }

    public string File(string name) => System.IO.Path.Combine(Folder, name);

    public TestStore With(IEnumerable<Authority> authorities, IEnumerable<StatisticalNeighbour> neighbours,
        IEnumerable<IndicatorResult> results, IEnumerable<NationalResult> national)
    {
        AuthorityStore.ReplaceAuthorities(Conn, authorities);
        var n = neighbours.ToList();
        if (n.Count > 0) AuthorityStore.ReplaceNeighbours(Conn, n);
        ResultsStore.ReplaceAll(Conn, results, national);
        return this;
    }

    /// <summary>Stores warnings against an accepted child-level submission of <paramref name="la"/> for <paramref name="year"/>.</summary>
    public TestStore WithWarnings(int la, int year, params ValidationMessage[] messages)
    {
        using var tx = Conn.BeginTransaction();
        long id = Conn.ExecuteScalar<long>(
            "INSERT INTO imports(kind, la_code, year, imported_at, outcome) VALUES ('child-level', @la, @year, '2026-01-01T00:00:00Z', 'accepted') RETURNING id",
            new { la, year }, tx);
        Conn.Execute("INSERT INTO submissions(la_code, year, import_id) VALUES (@la, @year, @id)", new { la, year, id }, tx);
        MessagesStore.Add(Conn, tx, id, la, year, messages);
        tx.Commit();
        return this;
    }

    public ReportData Load() => ReportData.Load(Conn, Catalogue);

    public void Dispose()
    {
        Conn.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
