using Qp.Domain.Indicators;
using Qp.Domain.Statistics;

namespace Qp.Domain.Tests.Statistics;

public class QuartileAndRankTests
{
    [Fact]
    public void Type_7_quartiles_of_one_to_eight()
    {
        // n = 8, h = 7p (0-based): Q1 h = 1.75 → 2 + 0.75 × (3 − 2) = 2.75; median h = 3.5 → 4.5; Q3 h = 5.25 → 6 + 0.25 = 6.25
        var q = Quartiles.Of([8, 3, 1, 2, 7, 5, 4, 6])!;
        q.Should().Be(new Quartiles(2.75, 4.5, 6.25));
    }

    [Fact]
    public void Type_7_of_a_single_value_is_that_value()
    {
        Quartiles.Of([12.5]).Should().Be(new Quartiles(12.5, 12.5, 12.5));
        Quartiles.Of([]).Should().BeNull();
    }

    [Fact]
    public void Quartile_bands_by_polarity_with_boundaries_in_the_better_band()
    {
        var q = new Quartiles(2.75, 4.5, 6.25);
        // Lower is better: ≤ Q1 A, ≤ median B, ≤ Q3 C, else D; 4.5 sits on the median → B.
        new[] { 1.0, 2.75, 3.0, 4.5, 6.0, 8.0 }.Select(v => q.Band(v, Polarity.LowerIsBetter))
            .Should().Equal("A", "A", "B", "B", "C", "D");
        // Higher is better: ≥ Q3 A, ≥ median B, ≥ Q1 C, else D; 6.25 sits on Q3 → A.
        new[] { 8.0, 6.25, 5.0, 4.5, 3.0, 1.0 }.Select(v => q.Band(v, Polarity.HigherIsBetter))
            .Should().Equal("A", "A", "B", "B", "C", "D");
    }

    [Fact]
    public void Ranks_with_ties_take_the_lowest_rank()
    {
        double[] values = [10, 20, 20, 30, 5];
        // Higher is better: 30 → 1; the two 20s tie at 2; 10 → 4; 5 → 5.
        Ranking.Ranks(values, Polarity.HigherIsBetter).Should().Equal(4, 2, 2, 1, 5);
        // Lower is better: 5 → 1; 10 → 2; the two 20s tie at 3; 30 → 5.
        Ranking.Ranks(values, Polarity.LowerIsBetter).Should().Equal(2, 3, 3, 5, 1);
    }

    [Fact]
    public void Ties_of_equal_fractions_are_recognised()
    {
        // 1/3 and 2/6 are both 33.33…%: they share rank 1 when lower is better; 50% is third.
        double[] values = [Percent.Of(1, 3)!.Value, Percent.Of(2, 6)!.Value, 50];
        Ranking.Ranks(values, Polarity.LowerIsBetter).Should().Equal(1, 1, 3);
    }

    [Fact]
    public void Paf_bands_from_thresholds()
    {
        double[] t = [10, 13, 16, 20]; // A1's thresholds
        // Lower is better: ≤10 → 5, ≤13 → 4, ≤16 → 3, ≤20 → 2, else 1.
        new[] { 9.0, 10.0, 12.0, 16.0, 19.9, 25.0 }.Select(v => Ranking.PafBand(v, t, Polarity.LowerIsBetter))
            .Should().Equal(5, 5, 4, 3, 2, 1);
        // Higher is better: ≥20 → 5, ≥16 → 4, ≥13 → 3, ≥10 → 2, else 1.
        new[] { 25.0, 20.0, 17.0, 13.0, 10.0, 9.0 }.Select(v => Ranking.PafBand(v, t, Polarity.HigherIsBetter))
            .Should().Equal(5, 5, 4, 3, 2, 1);
    }

    [Fact]
    public void Paf_bands_fall_back_to_quintiles_of_the_year()
    {
        // Values 1..6: h = 5p → 20th 2, 40th 3, 60th 4, 80th 5 (all whole h).
        var t = Ranking.BandThresholds([], [6, 5, 4, 3, 2, 1])!;
        t.Should().Equal(2, 3, 4, 5);
        // Higher is better: 6 → 5, 5 → 5, 4 → 4, 1 → 1.
        new[] { 6.0, 5.0, 4.0, 1.0 }.Select(v => Ranking.PafBand(v, t, Polarity.HigherIsBetter)).Should().Equal(5, 5, 4, 1);
        Ranking.BandThresholds([10, 13, 16, 20], [1, 2]).Should().Equal(10, 13, 16, 20);
    }
}
