using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statistics;

namespace Qp.Domain.Tests.Statistics;

public class ComparisonAndTrendTests
{
    private static readonly Interval Ci = new(11.24, 33.04); // 10/50 = 20%

    [Fact]
    public void Similar_when_england_is_inside_the_interval()
    {
        VsEnglandRule.Compare(20, Ci, 25, Polarity.LowerIsBetter).Should().Be(VsEngland.Similar);
        VsEnglandRule.Compare(20, Ci, 33.04, Polarity.LowerIsBetter).Should().Be(VsEngland.Similar);
    }

    [Fact]
    public void Better_or_worse_by_polarity_outside_the_interval()
    {
        // England 40% lies above the whole interval: the authority is lower.
        VsEnglandRule.Compare(20, Ci, 40, Polarity.LowerIsBetter).Should().Be(VsEngland.Better);
        VsEnglandRule.Compare(20, Ci, 40, Polarity.HigherIsBetter).Should().Be(VsEngland.Worse);
        // England 10% lies below it: the authority is higher.
        VsEnglandRule.Compare(20, Ci, 10, Polarity.LowerIsBetter).Should().Be(VsEngland.Worse);
        VsEnglandRule.Compare(20, Ci, 10, Polarity.HigherIsBetter).Should().Be(VsEngland.Better);
        VsEnglandRule.Compare(null, null, 10, Polarity.HigherIsBetter).Should().Be(VsEngland.NotCompared);
    }

    private static Dictionary<int, YearCounts> Series(params int[] numerators) =>
        numerators.Select((o, i) => new YearCounts(2000 + i, o, 100)).ToDictionary(c => c.Year);

    [Fact]
    public void Chi2_trend_on_a_falling_table()
    {
        // Years 2000–2004, 100 in each cohort, numerators 30, 25, 20, 15, 10; t = 1..5.
        // C = 100, D = 500, ΣCt = 30 + 50 + 60 + 60 + 50 = 250, ΣDt = 100 × 15 = 1500, ΣDt² = 100 × 55 = 5500.
        // D·ΣCt − C·ΣDt = 125000 − 150000 = −25000; D·ΣDt² − (ΣDt)² = 2750000 − 2250000 = 500000.
        // χ² = 500 × 25000² / (100 × 400 × 500000) = 312500000000 / 20000000000 = 15.625 > 9.5495, slope < 0.
        var r = TrendTest.Test(Series(30, 25, 20, 15, 10), 2004);
        r.Chi2.Should().BeApproximately(15.625, 1e-9);
        r.Trend.Should().Be(Trend.Decreasing);
    }

    [Fact]
    public void Chi2_trend_not_significant()
    {
        // Numerators 20, 18, 15, 12, 10: C = 75, ΣCt = 20 + 36 + 45 + 48 + 50 = 199.
        // D·ΣCt − C·ΣDt = 99500 − 112500 = −13000; χ² = 500 × 13000² / (75 × 425 × 500000) = 84500000000 / 15937500000 = 5.30196.
        var r = TrendTest.Test(Series(20, 18, 15, 12, 10), 2004);
        r.Chi2.Should().BeApproximately(5.30196, 0.00001);
        r.Trend.Should().Be(Trend.NoSignificantChange);
    }

    [Fact]
    public void Chi2_trend_increasing_is_the_mirror_image()
    {
        // Numerators reversed: the slope changes sign, χ² is the same 15.625.
        var r = TrendTest.Test(Series(10, 15, 20, 25, 30), 2004);
        r.Chi2.Should().BeApproximately(15.625, 1e-9);
        r.Trend.Should().Be(Trend.Increasing);
    }

    [Fact]
    public void Fewer_than_five_consecutive_years_cannot_be_calculated()
    {
        TrendTest.Test(Series(30, 25, 20, 15), 2003).Trend.Should().Be(Trend.CannotBeCalculated);
        var gap = Series(30, 25, 20, 15, 10);
        gap.Remove(2002);
        TrendTest.Test(gap, 2004).Trend.Should().Be(Trend.CannotBeCalculated);
        // The window ends at the year asked for: 2005 has no data.
        TrendTest.Test(Series(30, 25, 20, 15, 10), 2005).Trend.Should().Be(Trend.CannotBeCalculated);
    }
}
