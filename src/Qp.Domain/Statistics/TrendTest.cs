using Qp.Domain.Results;

namespace Qp.Domain.Statistics;

/// <summary>One year's counts of a series tested for trend.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="Numerator">The year's numerator.</param>
/// <param name="Denominator">The year's denominator.</param>
public sealed record YearCounts(int Year, long Numerator, long Denominator);

/// <summary>The outcome of the χ² test for trend.</summary>
/// <param name="Trend">Increasing, decreasing, no significant change, or cannot be calculated.</param>
/// <param name="Chi2">The statistic, when it could be calculated.</param>
public sealed record TrendResult(Trend Trend, double? Chi2);

/// <summary>The χ² test for trend in proportions over the latest five consecutive years (SPEC §5).</summary>
public static class TrendTest
{
    /// <summary>The number of consecutive years the test needs.</summary>
    public const int Years = 5;

    /// <summary>The critical value of χ² with one degree of freedom at the 0.2% level (two-sided 99.8%).</summary>
    public const double Critical = 9.5495;

    /// <summary>Tests the five years ending <paramref name="year"/> in <paramref name="series"/>: each must be present with a positive denominator, else CannotBeCalculated.</summary>
    public static TrendResult Test(IReadOnlyDictionary<int, YearCounts> series, int year)
    {
        var window = new List<YearCounts>(Years);
        for (int y = year - Years + 1; y <= year; y++)
        {
            if (!series.TryGetValue(y, out var c) || c.Denominator <= 0) return new TrendResult(Trend.CannotBeCalculated, null);
            window.Add(c);
        }
        return Test(window);
    }

    /// <summary>χ² = D(D·ΣCᵢtᵢ − C·ΣDᵢtᵢ)² / (C(D − C)(D·ΣDᵢtᵢ² − (ΣDᵢtᵢ)²)) with tᵢ = 1..5; the sign of D·ΣCᵢtᵢ − C·ΣDᵢtᵢ (the slope) gives the direction.</summary>
    public static TrendResult Test(IReadOnlyList<YearCounts> fiveYears)
    {
        if (fiveYears.Count != Years) return new TrendResult(Trend.CannotBeCalculated, null);
        double c = 0, d = 0, sct = 0, sdt = 0, sdt2 = 0;
        for (int i = 0; i < fiveYears.Count; i++)
        {
            int t = i + 1;
            double ci = fiveYears[i].Numerator, di = fiveYears[i].Denominator;
            c += ci; d += di; sct += ci * t; sdt += di * t; sdt2 += di * t * t;
        }
        double slope = d * sct - c * sdt;
        double denominator = c * (d - c) * (d * sdt2 - sdt * sdt);
        // All or none of the cohort in every year: the proportion cannot vary, so there is no trend to find.
        if (denominator <= 0) return new TrendResult(Trend.NoSignificantChange, 0);
        double chi2 = d * slope * slope / denominator;
        var trend = chi2 <= Critical ? Trend.NoSignificantChange : slope > 0 ? Trend.Increasing : Trend.Decreasing;
        return new TrendResult(trend, chi2);
    }
}
