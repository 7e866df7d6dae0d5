using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;

namespace Qp.Store;

/// <summary>Authorities and their statistical neighbours.</summary>
public static class AuthorityStore
{
    /// <summary>Replaces the authorities table with <paramref name="authorities"/>.</summary>
    public static void ReplaceAuthorities(SqliteConnection conn, IEnumerable<Authority> authorities)
    {
        using var tx = conn.BeginTransaction();
        conn.Execute("DELETE FROM authorities", transaction: tx);
        conn.Execute("INSERT INTO authorities(la_code, ons_code, name, region, type) VALUES (@Code, @OnsCode, @Name, @Region, @Type)",
            authorities, tx);
        tx.Commit();
    }

    /// <summary>Every authority, ordered by code.</summary>
    public static IReadOnlyList<Authority> Authorities(SqliteConnection conn) =>
        SqlRows.Read(conn, "SELECT la_code, ons_code, name, region, type FROM authorities ORDER BY la_code",
            r => new Authority(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));

    /// <summary>Replaces the statistical neighbours of every authority named in <paramref name="neighbours"/>.</summary>
    public static void ReplaceNeighbours(SqliteConnection conn, IReadOnlyCollection<StatisticalNeighbour> neighbours, SqliteTransaction? tx = null)
    {
        var own = tx is null ? conn.BeginTransaction() : null;
        var t = tx ?? own!;
        conn.Execute("DELETE FROM statistical_neighbours WHERE la_code = @la", neighbours.Select(n => new { la = n.LaCode }).Distinct(), t);
        conn.Execute("INSERT INTO statistical_neighbours(la_code, rank, neighbour_code, closeness) VALUES (@LaCode, @Rank, @NeighbourCode, @Closeness)",
            neighbours, t);
        own?.Commit();
        own?.Dispose();
    }

    /// <summary>Every statistical neighbour pair, ordered by authority then rank.</summary>
    public static IReadOnlyList<StatisticalNeighbour> Neighbours(SqliteConnection conn) =>
        SqlRows.Read(conn, "SELECT la_code, rank, neighbour_code, closeness FROM statistical_neighbours ORDER BY la_code, rank",
            r => new StatisticalNeighbour(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.TextOrNull(3)));
}
