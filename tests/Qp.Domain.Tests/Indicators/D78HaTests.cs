using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Tests.Indicators;

/// <summary>
/// D78 and HA on collection year 2001 (1 April 2000 – 31 March 2001). D78: under 16 at 31/03/2001, in care since
/// 30/09/1998 or earlier; numerator same carer since 31/03/1999 or earlier.
/// </summary>
public class D78HaTests
{
    private static CohortCount D78(ReturnBuilder b) => new D78LongTermStability().Count(b.Build(), ChildHistory.None);

    private static CohortCount Ha(ReturnBuilder b) => new HaHealthAssessments().Count(b.Build(), ChildHistory.None);

    [Fact]
    public void D78_cohort_is_under_16_at_31_March_and_in_care_for_two_and_a_half_years()
    {
        // A: in care since 30/09/1998 (exactly 2½ years), 10 years old → cohort. B: since 01/10/1998 → out.
        // C: born 31/03/1985, 16 on 31/03/2001 → out. D: born 01/04/1985, 15 → cohort. All with one carer → 2/2.
        var count = D78(new ReturnBuilder(2001)
            .Child("A", "01/01/1991", "30/09/1998 S C2 U4")
            .Child("B", "01/01/1991", "01/10/1998 S C2 U4")
            .Child("C", "31/03/1985", "01/01/1998 S C2 U4")
            .Child("D", "01/04/1985", "01/01/1998 S C2 U4"));

        count.Should().BeEquivalentTo(new CohortCount(2, 2, []));
    }

    [Fact]
    public void D78_numerator_is_same_carer_for_two_years_from_31_March()
    {
        // A moved (P) to its current carer 31/03/1999 → exactly 2 years → numerator. B moved 01/04/1999 → not. 1/2.
        var count = D78(new ReturnBuilder(2001)
            .Child("A", "01/01/1991", "01/01/1998 S C2 R1 31/03/1999 X1", "31/03/1999 P C2 U4")
            .Child("B", "01/01/1991", "01/01/1998 S C2 R1 01/04/1999 X1", "01/04/1999 P C2 U4"));

        count.Should().BeEquivalentTo(new CohortCount(1, 2, []));
    }

    [Fact]
    public void D78_same_carer_survives_same_carer_moves_legal_changes_and_temporary_returns()
    {
        // With carer SC1 since 01/01/1998: T (U4→U5 same carer), L (C2→C1), hospital T0, back to SC1 (P but same
        // PLACE/URN/PL_POST, so not a new placement). Same carer since 01/01/1998 → numerator. 1/1.
        var count = D78(new ReturnBuilder(2001).Child("A", "01/01/1991",
            "01/01/1998 S C2 U4 01/06/1999 X1 urn=SC1",
            "01/06/1999 T C2 U5 01/01/2000 X1 urn=SC1",
            "01/01/2000 L C1 U5 01/06/2000 X1 urn=SC1",
            "01/06/2000 P C1 T0 10/06/2000 X1",
            "10/06/2000 P C1 U5 urn=SC1"));

        count.Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void D78_a_temporary_stay_followed_by_a_different_carer_restarts_same_carer()
    {
        // Carer SC1 since 1998, hospital T0, then carer SC2 from 10/06/2000 → same carer since 10/06/2000 → not. 0/1.
        var count = D78(new ReturnBuilder(2001).Child("A", "01/01/1991",
            "01/01/1998 S C2 U4 01/06/2000 X1 urn=SC1", "01/06/2000 P C2 T0 10/06/2000 X1", "10/06/2000 P C2 U4 urn=SC2"));

        count.Should().BeEquivalentTo(new CohortCount(0, 1, []));
    }

    [Fact]
    public void D78_placed_for_adoption_counts_when_this_and_the_previous_placement_last_two_years()
    {
        // A: foster U4 from 01/01/1999 (previous), placed for adoption A4 with new carers (P) 01/01/2001:
        //    previous started before 31/03/1999 → together ≥ 2 years → numerator.
        // B: R1 from 1998, U4 from 01/06/1999 (previous, after 31/03/1999), A4 from 01/01/2001 → not.
        // C: same dates as A but the new placement is foster U5, not adoption → same carer since 01/01/2001 → not. 1/3.
        var count = D78(new ReturnBuilder(2001)
            .Child("A", "01/01/1995", "01/01/1998 S C2 R1 01/01/1999 X1", "01/01/1999 P C2 U4 01/01/2001 X1", "01/01/2001 P E1 A4")
            .Child("B", "01/01/1995", "01/01/1998 S C2 R1 01/06/1999 X1", "01/06/1999 P C2 U4 01/01/2001 X1", "01/01/2001 P E1 A4")
            .Child("C", "01/01/1995", "01/01/1998 S C2 R1 01/01/1999 X1", "01/01/1999 P C2 U4 01/01/2001 X1", "01/01/2001 P C2 U5"));

        count.Should().BeEquivalentTo(new CohortCount(1, 3, []));
    }

    [Fact]
    public void D78_placement_for_adoption_with_the_current_foster_carer_keeps_the_same_carer()
    {
        // Foster U4 since 01/01/1998, then A3 (placed for adoption with current foster carer, RNE T) 01/01/2001:
        // a same-carer move, so same carer since 01/01/1998 → numerator. 1/1.
        D78(new ReturnBuilder(2001).Child("A", "01/01/1995", "01/01/1998 S C2 U4 01/01/2001 X1", "01/01/2001 T E1 A3"))
            .Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void D78_counts_only_the_current_period_of_care()
    {
        // In care 1997–1999, left, re-entered (S) 01/06/1999 → period starts 01/06/1999, after 30/09/1998 → out. 0/0.
        D78(new ReturnBuilder(2001).Child("A", "01/01/1991", "01/01/1997 S C2 U4 01/01/1999 E8", "01/06/1999 S C2 U4"))
            .Should().BeEquivalentTo(new CohortCount(0, 0, []));
    }

    [Fact]
    public void D78_a_cohort_child_with_no_Header_row_is_left_out_with_a_warning()
    {
        var count = D78(new ReturnBuilder(2001).Episodes("A", "01/01/1998 S C2 U4"));

        count.Denominator.Should().Be(0);
        count.Warnings.Should().Equal("1 child looked after continuously for 2½ years has no Header row, so no known age (left out of D78)");
    }

    [Fact]
    public void HA_cohort_is_looked_after_continuously_for_twelve_months_from_31_March()
    {
        // A in care since 31/03/2000 → exactly 12 months → cohort, assessed → numerator.
        // B since 01/04/2000 → out. C since 1999, not assessed → denominator only. 1/2.
        var count = Ha(new ReturnBuilder(2001)
            .Child("A", "01/01/1995", "31/03/2000 S C2 U4").Oc2("A", true)
            .Child("B", "01/01/1995", "01/04/2000 S C2 U4").Oc2("B", true)
            .Child("C", "01/01/1995", "01/01/1999 S C2 U4").Oc2("C", false));

        count.Should().BeEquivalentTo(new CohortCount(1, 2, []));
    }

    [Fact]
    public void HA_cohort_excludes_children_who_left_before_31_March()
    {
        // In care since 1999 but left 31/03/2001 (not open at the end of 31 March) → out. 0/0.
        Ha(new ReturnBuilder(2001).Child("A", "01/01/1995", "01/01/1999 S C2 U4 31/03/2001 E8").Oc2("A", true))
            .Should().BeEquivalentTo(new CohortCount(0, 0, []));
    }

    [Fact]
    public void HA_cohort_child_with_no_OC2_row_counts_in_the_denominator_only_with_a_warning()
    {
        // A assessed; B and C have no OC2 row; D has HEALTH_ASSESSMENT blank. 1/4, two aggregated warnings.
        var count = Ha(new ReturnBuilder(2001)
            .Child("A", "01/01/1995", "01/01/1999 S C2 U4").Oc2("A", true)
            .Child("B", "01/01/1995", "01/01/1999 S C2 U4")
            .Child("C", "01/01/1995", "01/01/1999 S C2 U4")
            .Child("D", "01/01/1995", "01/01/1999 S C2 U4").Oc2("D", null));

        count.Numerator.Should().Be(1);
        count.Denominator.Should().Be(4);
        count.Warnings.Should().Equal(
            "2 children in the HA cohort have no OC2 row (counted in the denominator only)",
            "1 child in the HA cohort has HEALTH_ASSESSMENT blank (counted in the denominator only)");
    }
}
