using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>One file of an import, with its checksum.</summary>
/// <param name="FileName">The file's name as submitted.</param>
/// <param name="TableName">The return table read from it, when known.</param>
/// <param name="Sha256">The SHA-256 of the file, lower-case hex.</param>
/// <param name="RowCount">The rows read from it.</param>
public sealed record ImportedFile(string FileName, string? TableName, string Sha256, int RowCount);

/// <summary>An accepted import that stored figures still in use.</summary>
/// <param name="Id">The import's id.</param>
/// <param name="Kind">child-level, aggregate or published.</param>
/// <param name="LaCode">The authority, for child-level and aggregate returns.</param>
/// <param name="Year">The collection year, for child-level returns.</param>
/// <param name="ImportedAt">When it was imported (ISO-8601 UTC).</param>
/// <param name="Files">Its files and their checksums.</param>
public sealed record ImportRecord(long Id, string Kind, int? LaCode, int? Year, string ImportedAt, IReadOnlyList<ImportedFile> Files);

/// <summary>Provenance: the import records behind the stored figures, for export manifests.</summary>
public static class ImportRecords
{
    /// <summary>
    /// The imports whose data can feed results up to <paramref name="year"/>: the current child-level submissions of that
    /// year and earlier (earlier years feed re-registrations, trends and baselines) and every import with aggregate or
    /// published figures for those years; ordered by id.
    /// </summary>
    public static IReadOnlyList<ImportRecord> Behind(SqliteConnection conn, int year)
    {
        const string sql = """
            SELECT i.id, i.kind, i.la_code, i.year, i.imported_at
            FROM imports i
            WHERE i.id IN (SELECT import_id FROM submissions WHERE year <= $year)
               OR i.id IN (SELECT import_id FROM aggregate_figures WHERE year <= $year)
            ORDER BY i.id
            """;
        var imports = SqlRows.Read(conn, sql, r => (Id: r.GetInt64(0), Kind: r.GetString(1), La: r.IntOrNull(2), Year: r.IntOrNull(3), At: r.GetString(4)),
            ("$year", year));
        var files = SqlRows.Read(conn, """
            SELECT f.import_id, f.file_name, f.table_name, f.sha256, f.row_count
            FROM import_files f
            WHERE f.import_id IN (SELECT import_id FROM submissions WHERE year <= $year)
               OR f.import_id IN (SELECT import_id FROM aggregate_figures WHERE year <= $year)
            ORDER BY f.import_id, f.file_name, f.table_name
            """,
            r => (Id: r.GetInt64(0), File: new ImportedFile(r.GetString(1), r.TextOrNull(2), r.GetString(3), r.GetInt32(4))),
            ("$year", year)).ToLookup(f => f.Id, f => f.File);
        return imports.Select(i => new ImportRecord(i.Id, i.Kind, i.La, i.Year, i.At, files[i.Id].ToList())).ToList();
    }
}
