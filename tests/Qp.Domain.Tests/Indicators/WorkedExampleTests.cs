using Qp.Domain.Indicators;

namespace Qp.Domain.Tests.Indicators;

/// <summary>All seven calculators on one small return for 2000-01, worked by hand.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void Every_indicator_on_one_return()
    {
        var r = new ReturnBuilder(2001)
            // A, 10: three carers in the year, foster U6 at 31 March, in care since 1998, health assessed.
            .Child("A", "01/01/1991", "01/01/1998 S C2 U4 01/06/2000 X1 urn=SC1", "01/06/2000 P C2 U5 01/09/2000 X1 urn=SC2",
                "01/09/2000 P C2 U6 urn=SC3").Oc2("A", true)
            // B: left care 15/08/2000 aged 16 with a GCSE.
            .Child("B", "01/01/1984", "01/01/1999 S C2 R1 15/08/2000 E8").Oc1("B", true)
            // C, 5: foster carer since 1998 who became the adopter (A3, RNE T) in January; no OC2 row.
            .Child("C", "01/01/1996", "01/01/1998 S C2 U4 01/01/2001 X1", "01/01/2001 T E1 A3")
            // D: adopted 20/02/2001.
            .Child("D", "01/01/1997", "01/01/1999 S C2 A4 20/02/2001 E11")
            .Cpr("A", "01/05/2000", prevReg: true).Cpr("E", "01/06/2000")
            .Build();

        var counts = ChildLevelIndicators.All.ToDictionary(i => i.Id, i => i.Count(r, ChildHistory.None));

        counts["A1"].Should().BeEquivalentTo(new CohortCount(1, 2, []));  // A and C at 31 March; A had 3 placements, C 1
        counts["A2"].Should().BeEquivalentTo(new CohortCount(1, 1, []));  // B left at 16 with a GCSE
        counts["A3"].Should().BeEquivalentTo(new CohortCount(1, 2, []));  // A's registration has PREV_REG 1, E's not
        counts["B7"].Should().BeEquivalentTo(new CohortCount(2, 2, []));  // U6 and A3 are both in the B7 list
        counts["C23"].Should().BeEquivalentTo(new CohortCount(1, 2, [])); // A and C in care 6+ months; D adopted
        counts["D78"].Should().BeEquivalentTo(new CohortCount(1, 2, [])); // A and C under 16, 2½ years; only C same carer 2 years
        counts["HA"].Numerator.Should().Be(1);                             // A assessed; C has no OC2 row
        counts["HA"].Denominator.Should().Be(2);
        counts["HA"].Warnings.Should().Equal("1 child in the HA cohort has no OC2 row (counted in the denominator only)");
    }
}
