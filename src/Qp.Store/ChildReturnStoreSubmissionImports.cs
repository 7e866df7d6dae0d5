using Microsoft.Data.Sqlite;

namespace Qp.Store;

public static partial class ChildReturnStore
{
    /// <summary>Every stored submission's authority, year and the import it came from, ordered by authority then year.</summary>
    public static IReadOnlyList<(int LaCode, int Year, long ImportId)> SubmissionImports(SqliteConnection conn) =>
        SqlRows.Read(conn, "SELECT la_code, year, import_id FROM submissions ORDER BY la_code, year", r => (r.GetInt32(0), r.GetInt32(1), r.GetInt64(2)));
}
