using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Export.Tests;

/// <summary>A temporary store holding hand-made authorities, results and import records, and a scratch folder for exports.</summary>
public sealed class ExportFixture : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("qp-export-").FullName;
    public string Db => Path.Combine(Dir, "qp.db");
    public SqliteConnection Conn { get; }

    public static readonly IReadOnlyList<IndicatorDefinition> Catalogue =
    [
        Def("A1", Polarity.LowerIsBetter),
        Def("B7", Polarity.HigherIsBetter),
    ];

    public static readonly IReadOnlyList<Authority> DefaultAuthorities =
    [
        new(202, "E09000007", "Camden", "London", "London borough"),
        new(805, "E06000001", "Hartlepool", "North East", "Unitary authority"),
        new(806, "E06000002", "Middlesbrough", "North East", "Unitary authority"),
    ];

    public ExportFixture(IReadOnlyList<Authority>? authorities = null)
    {
        Conn = QpDatabase.Open(Db);
        AuthorityStore.ReplaceAuthorities(Conn, authorities ?? DefaultAuthorities);
    }

    public string Path_(string name) => Path.Combine(Dir, name);

    public void Store(IEnumerable<IndicatorResult> results, IEnumerable<NationalResult> national) =>
        ResultsStore.ReplaceAll(Conn, results, national);

    /// <summary>Records an accepted child-level submission (import row, its files, and the submission) as qp import would.</summary>
    public long AddSubmission(int la, int year, params (string File, string Sha)[] files)
    {
        var id = Conn.ExecuteScalar<long>(
            "INSERT INTO imports(kind, la_code, year, imported_at, outcome) VALUES ('child-level', @la, @year, @at, 'accepted') RETURNING id",
            new { la, year, at = $"{year + 1}-05-01T09:00:00Z" });
        foreach (var (file, sha) in files)
            Conn.Execute("INSERT INTO import_files(import_id, file_name, sha256, table_name, row_count) VALUES (@id, @file, @sha, 'header', 10)",
                new { id, file, sha });
        Conn.Execute("INSERT INTO submissions(la_code, year, import_id) VALUES (@la, @year, @id)", new { la, year, id });
        return id;
    }

    public static IndicatorResult Result(string indicator, int la, int year, int? num, int? den, double? value) => new()
    {
        Indicator = indicator, LaCode = la, Year = year, Source = ResultSource.ChildLevel,
        Numerator = num, Denominator = den, Value = value,
    };

    private static IndicatorDefinition Def(string id, Polarity polarity) =>
        new(id, id + " title", id + " description", "numerator", "denominator", polarity, "%", [], [], [], []);

    public void Dispose()
    {
        Conn.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A small RFC 4180 reader written for the tests, independent of CsvHelper, so the tests check the bytes a reader sees.</summary>
public static class PlainCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var records = Records(File.ReadAllText(path));
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            r.Count.Should().Be(header.Count, "every record has a field per column");
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    public static List<string> Header(string path) => Records(File.ReadAllText(path))[0];

    public static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
