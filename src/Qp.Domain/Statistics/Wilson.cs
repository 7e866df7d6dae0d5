namespace Qp.Domain.Statistics;

/// <summary>A confidence interval of a percentage, both bounds in percent.</summary>
/// <param name="Lower">The lower bound, in percent.</param>
/// <param name="Upper">The upper bound, in percent.</param>
public sealed record Interval(double Lower, double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies inside the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}

/// <summary>The Wilson score interval of a proportion (SPEC §5).</summary>
public static class Wilson
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The normal quantile for a two-sided 99.8% interval.</summary>
    public const double Z998 = 3.090232;

    /// <summary>The interval <c>(2O + z² ± z·√(z² + 4Oq)) / (2(n + z²))</c> in percent; null when the denominator is zero or the counts are impossible.</summary>
    public static Interval? Of(int numerator, int denominator, double z)
    {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) return null;
        double o = numerator, n = denominator, z2 = z * z, q = 1 - o / n;
        double centre = 2 * o + z2, spread = z * Math.Sqrt(z2 + 4 * o * q), scale = 2 * (n + z2);
        // O = 0 and O = n give 0 and 100 exactly in exact arithmetic; clamp the rounding so they are never -1e-15 or 100.00000000001.
        return new Interval(100 * Math.Max(0, (centre - spread) / scale), 100 * Math.Min(1, (centre + spread) / scale));
    }

    /// <summary>The 95% interval, in percent.</summary>
    public static Interval? Ci95(int numerator, int denominator) => Of(numerator, denominator, Z95);

    /// <summary>The 99.8% interval, in percent.</summary>
    public static Interval? Ci998(int numerator, int denominator) => Of(numerator, denominator, Z998);
}
