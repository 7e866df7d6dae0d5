namespace Qp.Domain.Statistics;

/// <summary>The value of an indicator: a count as a percentage of its cohort.</summary>
public static class Percent
{
    /// <summary>100 × numerator / denominator, or null when either is missing or the denominator is not positive.</summary>
    public static double? Of(long? numerator, long? denominator) =>
        numerator is { } o && denominator is { } n && n > 0 ? 100.0 * o / n : null;
}
