using Qp.Domain.Statistics;

namespace Qp.Domain.Tests.Statistics;

public class WilsonTests
{
    [Fact]
    public void Ten_of_fifty_at_95_percent()
    {
        // O = 10, n = 50, z = 1.959964, z² = 3.841459, q = 0.8
        // √(z² + 4Oq) = √(3.841459 + 32) = √35.841459 = 5.986773; z·√ = 11.733861
        // lower = (20 + 3.841459 − 11.733861) / (2 × 53.841459) = 12.107598 / 107.682918 = 0.112437 → 11.2437%
        // upper = (20 + 3.841459 + 11.733861) / 107.682918 = 35.575320 / 107.682918 = 0.330371 → 33.0371%
        var ci = Wilson.Ci95(10, 50)!;
        ci.Lower.Should().BeApproximately(11.2437, 0.0001);
        ci.Upper.Should().BeApproximately(33.0371, 0.0001);
    }

    [Fact]
    public void Ten_of_fifty_at_99_8_percent_is_wider()
    {
        // z = 3.090232, z² = 9.549534; √(9.549534 + 32) = 6.445893; z·√ = 19.919304
        // lower = (20 + 9.549534 − 19.919304) / (2 × 59.549534) = 9.630230 / 119.099068 = 0.080859
        // upper = (29.549534 + 19.919304) / 119.099068 = 0.415359
        var ci = Wilson.Ci998(10, 50)!;
        ci.Lower.Should().BeApproximately(8.0859, 0.0001);
        ci.Upper.Should().BeApproximately(41.5359, 0.0001);
    }

    [Fact]
    public void None_of_twenty_runs_from_zero()
    {
        // O = 0: q = 1, √(z²) = z, so lower = 0 and upper = 2z² / (2(n + z²)) = 3.841459 / 23.841459 = 16.1125%
        var ci = Wilson.Ci95(0, 20)!;
        ci.Lower.Should().Be(0);
        ci.Upper.Should().BeApproximately(16.1125, 0.0001);
    }

    [Fact]
    public void All_of_twenty_runs_to_one_hundred()
    {
        // O = n: q = 0, so upper = (2n + 2z²) / (2(n + z²)) = 100% and lower = n / (n + z²) = 20 / 23.841459 = 83.8875%
        var ci = Wilson.Ci95(20, 20)!;
        ci.Upper.Should().Be(100);
        ci.Lower.Should().BeApproximately(83.8875, 0.0001);
    }

    [Fact]
    public void Empty_cohort_has_no_interval()
    {
        Wilson.Ci95(0, 0).Should().BeNull();
        Percent.Of(0, 0).Should().BeNull();
        Percent.Of(null, 10).Should().BeNull();
    }
}
