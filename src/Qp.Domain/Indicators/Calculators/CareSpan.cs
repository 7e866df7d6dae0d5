namespace Qp.Domain.Indicators.Calculators;

/// <summary>How long a child must have been looked after continuously at 31 March (SPEC §4).</summary>
public enum CareSpan
{
    /// <summary>Six months: the period of care started on or before 30 September Y−1 (C23).</summary>
    SixMonths,

    /// <summary>Twelve months: the period of care started on or before 31 March Y−1 (HA, the OC2 cohort).</summary>
    TwelveMonths,

    /// <summary>Two years: used for D78's "same carer for at least 2 years", on or before 31 March Y−2.</summary>
    TwoYears,

    /// <summary>Two and a half years: the period of care started on or before 30 September Y−3 (D78).</summary>
    TwoAndAHalfYears,
}

/// <summary>The latest start dates that satisfy each <see cref="CareSpan"/>.</summary>
public static class CareSpans
{
    /// <summary>The latest date something may have started to have lasted <paramref name="span"/> at 31 March of collection year <paramref name="year"/>.</summary>
    public static DateOnly LatestStart(this CareSpan span, int year) => span switch
    {
        CareSpan.SixMonths => new DateOnly(year - 1, 9, 30),
        CareSpan.TwelveMonths => new DateOnly(year - 1, 3, 31),
        CareSpan.TwoYears => new DateOnly(year - 2, 3, 31),
        CareSpan.TwoAndAHalfYears => new DateOnly(year - 3, 9, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(span), span, "unknown care span"),
    };
}
