using System.Diagnostics;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace Qp.Cli.Bench;

/// <summary>The raw limits the import is measured against: CsvHelper reading the files with no validation, and a plain prepared-statement SQLite insert of the same rows.</summary>
public static class RawLimits
{
    /// <summary>Reads every CSV file under <paramref name="folder"/>, touching every field, and returns (rows, seconds).</summary>
    public static (long Rows, double Seconds) Read(string folder)
    {
        var sw = Stopwatch.StartNew();
        long rows = 0, bytes = 0;
        foreach (var file in SubmissionFiles(folder))
        {
            using var csv = CsvReader.FromFile(file, new CsvReaderOptions { Separator = ',' });
            while (csv.Read())
            {
                for (int i = 0; i < csv.FieldCount; i++) bytes += csv.GetSpan(i).Length;
                rows++;
            }
        }
        GC.KeepAlive(bytes);
        return (rows, sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Inserts the rows of every CSV file under <paramref name="folder"/> into a scratch database, one text table per
    /// file kind, one transaction and one prepared command per submission; only the inserts are timed (each
    /// submission's rows are read into memory first).
    /// </summary>
    public static (long Rows, double Seconds) Insert(string folder, string scratchDb)
    {
        foreach (var f in new[] { scratchDb, scratchDb + "-wal", scratchDb + "-shm" }) File.Delete(f);
        using var conn = new SqliteConnection($"Data Source={scratchDb};Pooling=False");
        conn.Open();
        Exec(conn, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        var created = new HashSet<string>();
        long rows = 0;
        double seconds = 0;
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var tables = Directory.EnumerateFiles(dir, "*.csv").Order(StringComparer.Ordinal).Select(ReadAll).ToList();
            var sw = Stopwatch.StartNew();
            using (var tx = conn.BeginTransaction())
            {
                foreach (var (name, header, data) in tables)
                {
                    if (created.Add(name))
                        Exec(conn, $"CREATE TABLE raw_{name} (submission TEXT, {string.Join(", ", header.Select(h => $"\"{h}\" TEXT"))})", tx);
                    using var cmd = conn.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = $"INSERT INTO raw_{name} VALUES ($s, {string.Join(", ", header.Select((_, i) => "$p" + i))})";
                    var s = cmd.Parameters.AddWithValue("$s", Path.GetFileName(dir));
                    var ps = header.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
                    cmd.Prepare();
                    foreach (var row in data)
                    {
                        for (int i = 0; i < ps.Length; i++) ps[i].Value = i < row.Length && row[i].Length > 0 ? row[i] : DBNull.Value;
                        cmd.ExecuteNonQuery();
                        rows++;
                    }
                }
                tx.Commit();
            }
            seconds += sw.Elapsed.TotalSeconds;
        }
        return (rows, seconds);
    }

    private static (string Name, string[] Header, List<string[]> Rows) ReadAll(string file)
    {
        using var csv = CsvReader.FromFile(file, new CsvReaderOptions { Separator = ',' });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
            rows.Add(row);
        }
        var name = new string(Path.GetFileNameWithoutExtension(file).Where(char.IsLetterOrDigit).ToArray());
        return (name, csv.Headers.ToArray(), rows);
    }

    private static IEnumerable<string> SubmissionFiles(string folder) =>
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).SelectMany(d => Directory.EnumerateFiles(d, "*.csv").Order(StringComparer.Ordinal));

    private static void Exec(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
