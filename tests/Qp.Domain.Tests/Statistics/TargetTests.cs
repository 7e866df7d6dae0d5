using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statistics;

namespace Qp.Domain.Tests.Statistics;

public class TargetTests
{
    private static readonly Target A1 = new(TargetKind.Maximum, 16, 2001, null, "≤ 16% by 2001");
    private static readonly Target[] A2 = [new(TargetKind.Minimum, 50, 2001, null, "≥ 50%"), new(TargetKind.Minimum, 75, 2003, null, "≥ 75%")];
    private static readonly Target A3 = new(TargetKind.RelativeReduction, 10, 2002, 1998, "10% lower than 1998");
    private static double? NoBaseline(int year) => null;

    [Fact]
    public void Maximum_target_met_and_not_met()
    {
        // 14.5% against ≤ 16%: 1.5 points better. 17% is 1 point worse.
        Targets.Evaluate([A1], 2001, 14.5, NoBaseline).Should().Be(new TargetEvaluation(16, TargetStatus.Met, 1.5));
        Targets.Evaluate([A1], 2002, 17, NoBaseline).Should().Be(new TargetEvaluation(16, TargetStatus.NotMet, -1));
        Targets.Evaluate([A1], 2002, 16, NoBaseline).Status.Should().Be(TargetStatus.Met);
    }

    [Fact]
    public void Before_the_target_applies_it_is_not_yet_due()
    {
        Targets.Evaluate([A1], 2000, 14.5, NoBaseline).Should().Be(new TargetEvaluation(16, TargetStatus.NotYetDue, 1.5));
    }

    [Fact]
    public void The_latest_target_in_force_applies()
    {
        // 2002: only the 50% target is in force: 60 − 50 = +10. 2003: 75% applies: 60 − 75 = −15.
        Targets.Evaluate(A2, 2002, 60, NoBaseline).Should().Be(new TargetEvaluation(50, TargetStatus.Met, 10));
        Targets.Evaluate(A2, 2003, 60, NoBaseline).Should().Be(new TargetEvaluation(75, TargetStatus.NotMet, -15));
    }

    [Fact]
    public void Relative_reduction_of_ten_percent_from_a_baseline_of_twenty()
    {
        // Baseline 1998 = 20%: target = 20 × (1 − 10/100) = 18%. 17.5% is 0.5 points better; 19% is 1 point worse.
        double? Baseline(int y) => y == 1998 ? 20 : null;
        var met = Targets.Evaluate([A3], 2002, 17.5, Baseline);
        met.Value.Should().BeApproximately(18, 1e-9);
        met.Status.Should().Be(TargetStatus.Met);
        met.Distance.Should().BeApproximately(0.5, 1e-9);
        var notMet = Targets.Evaluate([A3], 2002, 19, Baseline);
        notMet.Status.Should().Be(TargetStatus.NotMet);
        notMet.Distance.Should().BeApproximately(-1, 1e-9);
    }

    [Fact]
    public void Relative_target_without_a_baseline_is_no_target()
    {
        Targets.Evaluate([A3], 2002, 17.5, NoBaseline).Should().Be(TargetEvaluation.None);
        Targets.Evaluate([], 2002, 17.5, NoBaseline).Should().Be(TargetEvaluation.None);
    }

    [Fact]
    public void Derive_averages_the_top_quartile_point_over_the_years()
    {
        // Lower is better → Q1 (type 7) of each year.
        // 1995: {10,14,18,22,26}: h = 1 → 14.   1996: {12,16,20,24}: h = 0.75 → 12 + 0.75 × 4 = 15.
        // 1997: {13,17,21}: h = 0.5 → 13 + 0.5 × 4 = 15.   Average (14 + 15 + 15) / 3 = 14.6667.
        var byYear = new Dictionary<int, IReadOnlyList<double>>
        {
            [1995] = [26, 10, 14, 22, 18], [1996] = [12, 16, 20, 24], [1997] = [21, 13, 17],
        };
        var (points, average) = TargetDerivation.Derive(byYear, Polarity.LowerIsBetter);
        points.Select(p => p.Point).Should().Equal(14, 15, 15);
        average.Should().BeApproximately(14.6667, 0.0001);
        // Higher is better → Q3: 1995 h = 3 → 22.
        TargetDerivation.TopQuartilePoint(byYear[1995], Polarity.HigherIsBetter).Should().Be(22);
    }
}
