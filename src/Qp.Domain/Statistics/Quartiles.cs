namespace Qp.Domain.Statistics;

/// <summary>The lower quartile, median and upper quartile of a set of values.</summary>
/// <param name="Q1">The lower quartile (25th percentile).</param>
/// <param name="Median">The median.</param>
/// <param name="Q3">The upper quartile (75th percentile).</param>
public sealed record Quartiles(double Q1, double Median, double Q3)
{
    /// <summary>The quartiles of <paramref name="values"/> by R's type 7 interpolation, or null when there are none.</summary>
    public static Quartiles? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        return new Quartiles(Quantile.Type7(sorted, 0.25), Quantile.Type7(sorted, 0.5), Quantile.Type7(sorted, 0.75));
    }

    /// <summary>The quartile band of <paramref name="value"/>: A in the best quarter to D in the worst; a value exactly on a quartile point takes the better band.</summary>
    public string Band(double value, Indicators.Polarity polarity) => polarity == Indicators.Polarity.LowerIsBetter
        ? value <= Q1 ? "A" : value <= Median ? "B" : value <= Q3 ? "C" : "D"
        : value >= Q3 ? "A" : value >= Median ? "B" : value >= Q1 ? "C" : "D";
}

/// <summary>Sample quantiles.</summary>
public static class Quantile
{
    /// <summary>R's type 7 quantile of ascending <paramref name="sorted"/> values: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) counting from 0.</summary>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
