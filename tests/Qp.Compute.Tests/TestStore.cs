using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Returns;
using Qp.Store;

namespace Qp.Compute.Tests;

/// <summary>A scratch store in a temporary folder.</summary>
public sealed class TestStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qp-compute-").FullName;

    public TestStore() => Conn = QpDatabase.Open(Path.Combine(_dir, "qp.db"));

    public SqliteConnection Conn { get; }

    public string Folder => _dir;

    public void Authorities(params Authority[] authorities) => AuthorityStore.ReplaceAuthorities(Conn, authorities);

    /// <summary>Stores aggregate or published figures as an import of a scratch file.</summary>
    public void Figures(params AggregateFigure[] figures)
    {
        var path = Path.Combine(_dir, $"figures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "scratch");
        AggregateStore.Import(Conn, figures[0].Source, path, figures, "test");
    }

    /// <summary>An empty child-level submission (the fake calculators supply the counts); returns its import id.</summary>
    public long Submission(int la, int year)
    {
        long id = Conn.ExecuteScalar<long>(
            "INSERT INTO imports(kind, la_code, year, imported_at, outcome) VALUES ('child-level', @la, @year, '2026-01-01', 'accepted') RETURNING id", new { la, year });
        Conn.Execute("INSERT INTO submissions(la_code, year, import_id) VALUES (@la, @year, @id)", new { la, year, id });
        return id;
    }

    public void Dispose()
    {
        Conn.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>A calculator that returns fixed counts per authority and year, so engine tests control exactly what child-level data says.</summary>
public sealed class FakeIndicator(string id, Dictionary<(int La, int Year), (int Num, int Den)> counts, string? warning = null) : IChildLevelIndicator
{
    public string Id => id;

    public CohortCount Count(ChildLevelReturn submission, ChildHistory history)
    {
        var (n, d) = counts[(submission.LaCode, submission.Year)];
        return new CohortCount(n, d, warning is null ? [] : [warning]);
    }
}
