using Dapper;
using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Store.Tests;

public sealed class QpDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qp-store-").FullName;
    private string DbPath => Path.Combine(_dir, "qp.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void First_open_creates_every_table_and_records_the_schema_version()
    {
        using var conn = QpDatabase.Open(DbPath);
        QpDatabase.SchemaVersion(conn).Should().Be(QpDatabase.CurrentVersion).And.BeGreaterThan(0);
        var tables = conn.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList();
        tables.Should().Contain(["schema_version", "authorities", "imports", "import_files", "submissions", "episodes", "results", "national_results"]);
    }

    [Fact]
    public void Opening_again_does_not_migrate_twice_and_keeps_data()
    {
        using (var conn = QpDatabase.Open(DbPath))
            AuthorityStore.ReplaceAuthorities(conn, [new Authority(805, "E06000001", "Hartlepool", "North East", "Unitary authority")]);
        using (var conn = QpDatabase.Open(DbPath))
        {
            conn.ExecuteScalar<int>("SELECT count(*) FROM schema_version").Should().Be(QpDatabase.CurrentVersion);
            AuthorityStore.Authorities(conn).Should().ContainSingle().Which.Name.Should().Be("Hartlepool");
        }
    }

    [Fact]
    public void Foreign_keys_and_wal_are_on()
    {
        using var conn = QpDatabase.Open(DbPath);
        conn.ExecuteScalar<long>("PRAGMA foreign_keys").Should().Be(1);
        conn.ExecuteScalar<string>("PRAGMA journal_mode").Should().Be("wal");
        var act = () => conn.Execute("INSERT INTO submissions(la_code, year, import_id) VALUES (805, 2001, 999)");
        act.Should().Throw<Microsoft.Data.Sqlite.SqliteException>().WithMessage("*FOREIGN KEY*");
    }

    [Fact]
    public void A_store_from_a_newer_qp_is_refused_rather_than_damaged()
    {
        using (var conn = QpDatabase.Open(DbPath))
            conn.Execute("INSERT INTO schema_version(version, applied_at) VALUES (99, 'x')");
        var act = () => QpDatabase.Open(DbPath);
        act.Should().Throw<StoreException>().WithMessage("*schema version 99*");
    }

    [Fact]
    public void Results_round_trip_with_enums_and_nulls()
    {
        using var conn = QpDatabase.Open(DbPath);
        var r = new IndicatorResult
        {
            Indicator = "A1", LaCode = 805, Year = 2001, Source = ResultSource.ChildLevel, Numerator = 12, Denominator = 80,
            Value = 15.0, Ci95Lower = 8.8, Ci95Upper = 24.4, Rank = 3, RankOf = 150, QuartileBand = "A", PafBand = 5,
            VsEngland = VsEngland.Similar, Trend = Trend.Decreasing, TrendChi2 = 12.5, TargetValue = 16, TargetStatus = TargetStatus.Met, TargetDistance = 1.0,
        };
        var n = new NationalResult { Indicator = "A1", Year = 2001, Numerator = 100, Denominator = 600, Value = 16.7, Authorities = 150, Trend = Trend.CannotBeCalculated };
        ResultsStore.ReplaceAll(conn, [r], [n]);
        ResultsStore.ForYear(conn, 2001).Should().ContainSingle().Which.Should().BeEquivalentTo(r);
        ResultsStore.National(conn).Should().ContainSingle().Which.Should().BeEquivalentTo(n);
        ResultsStore.Years(conn).Should().Equal(2001);
    }

    [Fact]
    public void Neighbours_are_replaced_per_authority()
    {
        using var conn = QpDatabase.Open(DbPath);
        AuthorityStore.ReplaceNeighbours(conn, [new StatisticalNeighbour(805, 1, 806, "Close"), new StatisticalNeighbour(805, 2, 807, null)]);
        AuthorityStore.ReplaceNeighbours(conn, [new StatisticalNeighbour(805, 1, 808, "Close")]);
        AuthorityStore.Neighbours(conn).Should().Equal(new StatisticalNeighbour(805, 1, 808, "Close"));
    }
}
