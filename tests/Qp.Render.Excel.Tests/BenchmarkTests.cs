using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Import.Reference;
using Xunit.Abstractions;

namespace Qp.Render.Excel.Tests;

/// <summary>The workbook at national scale: 153 authorities × 7 indicators × 10 years. Prints the time; asserts only the content.</summary>
public class BenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void National_workbook_for_ten_years()
    {
        using var store = new TestStore();
        var authorities = AuthoritiesFile.Read(Path.Combine(TestStore.RepoRoot(), "templates", "authorities.csv"));
        var (results, national, neighbours) = Synthetic(authorities, TestStore.Catalogue.Select(d => d.Id).ToList(), 1996, 2005);
        store.With(authorities, neighbours, results, national);

        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var data = store.Load();
        var load = clock.Elapsed;
        var path = store.File("national.xlsx");
        ExcelReport.Write(data, new ExcelReportOptions(2005, 805, Publish: true, Book.Produced), path);
        var total = clock.Elapsed;
        // CPU time as well as wall time: the machine is shared, and CPU time shows the cost when others are busy.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        output.WriteLine($"{authorities.Count} authorities × {TestStore.Catalogue.Count} indicators × 10 years = {results.Count} results: " +
                         $"load {load.TotalSeconds:0.00} s, load + write {total.TotalSeconds:0.00} s wall ({cpu.TotalSeconds:0.00} s CPU), {new FileInfo(path).Length / 1024} KB");
        if (Environment.GetEnvironmentVariable("QP_BENCH_KEEP") is { Length: > 0 } keep)
        {
            File.Copy(path, Path.Combine(keep, "national.xlsx"), overwrite: true);
            store.Conn.Close();
            File.Copy(store.DbPath, Path.Combine(keep, "national.db"), overwrite: true);
        }

        // Every result has 22 figures set, and in a published workbook 3 counts of the values its averages used; every England
        // row has 10: the Data sheet holds them all, plus its heading.
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet10.xml")!.Open());
        Regex.Count(reader.ReadToEnd(), "<x:row ").Should().Be(results.Count * 25 + national.Count * 10 + 1);
    }

    /// <summary>Deterministic results with every field set, for every authority, indicator and year.</summary>
    public static (List<IndicatorResult>, List<NationalResult>, List<StatisticalNeighbour>) Synthetic(
        IReadOnlyList<Authority> authorities, IReadOnlyList<string> indicators, int fromYear, int toYear)
    {
        var rng = new Random(20011);
        var results = new List<IndicatorResult>();
        var national = new List<NationalResult>();
        string[] bands = ["A", "B", "C", "D"];
        foreach (var ind in indicators)
            for (int y = fromYear; y <= toYear; y++)
            {
                long num = 0, den = 0;
                foreach (var a in authorities)
                {
                    int d = rng.Next(8, 900), n = rng.Next(0, d / 3);
                    double v = 100.0 * n / d;
                    num += n;
                    den += d;
                    results.Add(new IndicatorResult
                    {
                        Indicator = ind, LaCode = a.Code, Year = y, Source = ResultSource.ChildLevel, Numerator = n, Denominator = d, Value = v,
                        Ci95Lower = Math.Max(0, v - 3), Ci95Upper = v + 3, Ci998Lower = Math.Max(0, v - 5), Ci998Upper = v + 5,
                        Rank = rng.Next(1, authorities.Count + 1), RankOf = authorities.Count, QuartileBand = bands[rng.Next(4)], PafBand = rng.Next(1, 6),
                        VsEngland = (VsEngland)rng.Next(1, 4), SnAverage = rng.NextDouble() * 30, RegionAverage = rng.NextDouble() * 30,
                        TypeAverage = rng.NextDouble() * 30, ChangePp = rng.NextDouble() * 6 - 3, Trend = (Trend)rng.Next(4), TrendChi2 = rng.NextDouble() * 12,
                        TargetValue = 16, TargetStatus = (TargetStatus)rng.Next(4), TargetDistance = 16 - v,
                    });
                }
                national.Add(new NationalResult
                {
                    Indicator = ind, Year = y, Numerator = num, Denominator = den, Value = 100.0 * num / den, PublishedValue = 100.0 * num / den + 0.1,
                    Q1 = 10, Median = 15, Q3 = 20, Authorities = authorities.Count, TargetValue = 16, Trend = Trend.NoSignificantChange,
                });
            }
        var neighbours = authorities.SelectMany((a, i) => Enumerable.Range(1, 10)
            .Select(k => new StatisticalNeighbour(a.Code, k, authorities[(i + k) % authorities.Count].Code, "Close"))).ToList();
        return (results, national, neighbours);
    }
}
