using Microsoft.Data.Sqlite;
using Qp.Domain.Validation;

namespace Qp.Store;

/// <summary>A warning stored against an authority's current return: from validation at import, or from counting at compute.</summary>
/// <param name="LaCode">The authority the warning concerns.</param>
/// <param name="Year">The collection year.</param>
/// <param name="Message">The located message.</param>
public sealed record StoredMessage(int LaCode, int Year, ValidationMessage Message);

/// <summary>The validation_messages table: warnings of accepted submissions.</summary>
public static class MessagesStore
{
    /// <summary>Stores messages against an import record (inside the caller's transaction).</summary>
    public static void Add(SqliteConnection conn, SqliteTransaction tx, long importId, int? laCode, int? year, IEnumerable<ValidationMessage> messages)
    {
        SqlRows.Insert(conn, tx, "validation_messages", "import_id, la_code, year, file, line, col, severity, code, message", messages,
            m => [importId, laCode, year, m.File, m.Line, m.Column, m.Severity.ToString(), m.Code, m.Message]);
    }

    /// <summary>Deletes the messages with a code starting <paramref name="codePrefix"/> (e.g. those compute wrote last time).</summary>
    public static void DeleteByCodePrefix(SqliteConnection conn, SqliteTransaction tx, string codePrefix)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM validation_messages WHERE substr(code, 1, length($p)) = $p";
        cmd.Parameters.AddWithValue("$p", codePrefix);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Deletes the messages of collection year <paramref name="year"/> with a code starting <paramref name="codePrefix"/>.</summary>
    public static void DeleteByCodePrefix(SqliteConnection conn, SqliteTransaction tx, string codePrefix, int year)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM validation_messages WHERE substr(code, 1, length($p)) = $p AND year = $y";
        cmd.Parameters.AddWithValue("$p", codePrefix);
        cmd.Parameters.AddWithValue("$y", year);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Warnings of the current child-level returns for <paramref name="year"/> (all years when null), ordered by authority, year, file and line.</summary>
    public static IReadOnlyList<StoredMessage> Current(SqliteConnection conn, int? year = null) =>
        SqlRows.Read(conn,
            "SELECT m.la_code, m.year, m.file, m.line, m.col, m.severity, m.code, m.message FROM validation_messages m " +
            "JOIN submissions s ON s.import_id = m.import_id AND s.la_code = m.la_code AND s.year = m.year " +
            "WHERE $y IS NULL OR m.year = $y ORDER BY m.la_code, m.year, m.file, m.line, m.col, m.code",
            r => new StoredMessage(r.GetInt32(0), r.GetInt32(1), new ValidationMessage(r.GetString(2), r.GetInt32(3), r.GetInt32(4),
                Enum.Parse<Severity>(r.GetString(5)), r.GetString(6), r.GetString(7))),
            ("$y", year));
}
