using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;
using Qp.Domain.Returns;
using Qp.Import.ChildLevel;
using Qp.Store;

namespace Qp.Benchmarks;

/// <summary>The per-return hot paths of import and compute, on one large generated return.</summary>
[MemoryDiagnoser]
public class ReturnBenchmarks
{
    private static readonly IChildLevelIndicator A1 = new A1PlacementStability();
    private SqliteConnection conn = null!;
    private ChildLevelReturn loaded = null!;

    /// <summary>Generates (once) and opens the store; loads the return the calculators count.</summary>
    [GlobalSetup]
    public void Setup()
    {
        conn = BenchData.OpenStore();
        loaded = ChildReturnStore.Load(conn, BenchData.La, BenchData.Year)!;
    }

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => conn.Dispose();

    /// <summary>Pass 1 of an import: read the CSV files and run every validation rule.</summary>
    [Benchmark]
    public int ReadAndValidate() => SubmissionReader.Validate(BenchData.Return, BenchData.Year, BenchData.Today).Messages.Count;

    /// <summary>Read the stored return back (what compute does per submission).</summary>
    [Benchmark]
    public int Load() => ChildReturnStore.Load(conn, BenchData.La, BenchData.Year)!.Episodes.Count;

    // A copy is a new object, so the shared ReturnIndex (cached per return object) is built again, as it is once per return in compute.

    /// <summary>A1 on a fresh copy of the return, building its index.</summary>
    [Benchmark]
    public int A1Count() => A1.Count(loaded with { }, ChildHistory.None).Denominator;

    /// <summary>All seven calculators on a fresh copy of the return, sharing one index build.</summary>
    [Benchmark]
    public int AllCalculators()
    {
        var copy = loaded with { };
        int total = 0;
        foreach (var c in ChildLevelIndicators.All) total += c.Count(copy, ChildHistory.None).Denominator;
        return total;
    }
}
