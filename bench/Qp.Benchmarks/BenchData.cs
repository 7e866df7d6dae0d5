using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Import.ChildLevel;
using Qp.Sample;
using Qp.Store;

namespace Qp.Benchmarks;

/// <summary>
/// One large generated return (Cambridgeshire, 2000-01, England scale: about 10,000 rows, among the largest the generator
/// writes) and a store holding it. Written once to a temp folder and reused by every benchmark process.
/// </summary>
public static class BenchData
{
    /// <summary>The authority of the return.</summary>
    public const int La = 873;

    /// <summary>The collection year of the return.</summary>
    public const int Year = 2001;

    /// <summary>The date validation treats as today.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "qp-benchmarks-v1");

    /// <summary>The return's folder of CSV files.</summary>
    public static Submission Return => new(Path.Combine(Root, "data", $"{La}_{Year}"), SubmissionFormat.CsvFolder, La, Year);

    /// <summary>Generates the return and imports it into the store, unless an earlier run did.</summary>
    public static SqliteConnection OpenStore()
    {
        var store = Path.Combine(Root, "bench.db");
        var done = Path.Combine(Root, "ready");
        if (!File.Exists(done))
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
            var authority = new Authority(La, "E10000003", "Cambridgeshire", "East of England", "Shire county");
            SampleGenerator.Generate(Path.Combine(Root, "data"), [authority], new SampleOptions([Year], SampleScale.England, AggregateYears: [], Shape: SampleShape.Whole));
            using (var conn = QpDatabase.Open(store))
            {
                var result = ChildLevelImporter.Import(conn, Return, La, Year, Today);
                if (result.ImportId is null) throw new InvalidOperationException($"the generated return was not stored: {result.Report.Errors} error(s)");
            }
            SqliteConnection.ClearAllPools();
            File.WriteAllText(done, "");
        }
        return QpDatabase.Open(store);
    }
}
