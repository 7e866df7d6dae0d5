using BenchmarkDotNet.Attributes;
using Qp.Domain.Statistics;

namespace Qp.Benchmarks;

/// <summary>The per-indicator-year statistics over all 153 authorities.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private const int Authorities = 153;
    private readonly int[] numerators = new int[Authorities];
    private readonly int[] denominators = new int[Authorities];
    private readonly double[] values = new double[Authorities];

    /// <summary>Seeded counts of a typical indicator: denominators 50–2,000, values 5–40%.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(153);
        for (int i = 0; i < Authorities; i++)
        {
            denominators[i] = random.Next(50, 2000);
            numerators[i] = (int)(denominators[i] * (0.05 + 0.35 * random.NextDouble()));
            values[i] = 100.0 * numerators[i] / denominators[i];
        }
    }

    /// <summary>95% and 99.8% Wilson intervals of every authority.</summary>
    [Benchmark]
    public double Wilson153()
    {
        double sum = 0;
        for (int i = 0; i < Authorities; i++)
            sum += Wilson.Of(numerators[i], denominators[i], Wilson.Z95)!.Lower + Wilson.Of(numerators[i], denominators[i], Wilson.Z998)!.Upper;
        return sum;
    }

    /// <summary>Quartiles of the 153 values.</summary>
    [Benchmark]
    public double Quartiles153() => Quartiles.Of(values)!.Median;
}
