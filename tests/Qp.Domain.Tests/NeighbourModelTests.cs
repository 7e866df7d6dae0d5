using Qp.Domain.Authorities;

namespace Qp.Domain.Tests;

public class NeighbourModelTests
{
    // Five authorities, two variables on very different scales:
    //   var1: 0, 2, 0, 2, 1      mean 1,    sample sd √((1+1+1+1+0)/4) = 1
    //   var2: 1000, 1000, 1010, 1010, 1005   mean 1005, sample sd √((25·4)/4) = 5
    // Standardised: 1 (−1,−1), 2 (1,−1), 3 (−1,1), 4 (1,1), 5 (0,0).
    // From authority 1: to 5 √2 = 1.414; to 2 and 3 both 2 (tie → lower code first); to 4 √8 = 2.828.
    // Unstandardised, var2 would dominate: 2 (distance 2) would come before 5 (√26 = 5.10) and 3 (10).
    private static readonly ContextRow[] Rows =
    [
        new(1, [0, 1000]), new(2, [2, 1000]), new(3, [0, 1010]), new(4, [2, 1010]), new(5, [1, 1005]),
    ];

    [Fact]
    public void Neighbours_are_nearest_on_standardised_variables_with_ties_to_the_lower_code()
    {
        var of1 = NeighbourModel.Derive(Rows, count: 4).Where(n => n.LaCode == 1).ToList();
        of1.Select(n => n.NeighbourCode).Should().Equal(5, 2, 3, 4);
        of1.Select(n => n.Rank).Should().Equal(1, 2, 3, 4);
        of1.Select(n => n.Closeness).Should().Equal("distance 1.414", "distance 2.000", "distance 2.000", "distance 2.828");
    }

    [Fact]
    public void Count_limits_the_neighbours_and_every_authority_gets_them()
    {
        var all = NeighbourModel.Derive(Rows, count: 2);
        all.Should().HaveCount(10);
        // Authority 5 sits at the centre, √2 from each corner: the two lowest codes win the tie.
        all.Where(n => n.LaCode == 5).Select(n => n.NeighbourCode).Should().Equal(1, 2);
    }

    [Fact]
    public void A_variable_with_no_spread_is_left_out()
    {
        // var2 is constant, so only var1 (0, 1, 3) counts: from authority 1, 2 is 1 unit away and 3 is 3 units.
        var sn = NeighbourModel.Derive([new(1, [0, 7]), new(2, [1, 7]), new(3, [3, 7])], count: 2);
        sn.Where(n => n.LaCode == 1).Select(n => n.NeighbourCode).Should().Equal(2, 3);
    }
}
