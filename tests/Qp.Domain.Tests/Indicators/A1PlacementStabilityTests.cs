using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Tests.Indicators;

/// <summary>A1 on collection year 2001 (1 April 2000 – 31 March 2001): children looked after at 31 March with 3+ placements.</summary>
public class A1PlacementStabilityTests
{
    private static CohortCount Count(ReturnBuilder b) => new A1PlacementStability().Count(b.Build(), ChildHistory.None);

    private static int Placements(params string[] episodes)
    {
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990", episodes).Build();
        return PlacementCounter.PlacementsDuring(ReturnIndex.Of(r).Children[0], 2001);
    }

    [Fact]
    public void Three_carers_in_the_year_is_three_placements_and_in_the_numerator()
    {
        // A: U4 (1), P to U5 (2), P to U6 (3) → numerator. B: U4 then P to R1 → 2, denominator only. 1/2.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "01/01/2000 S C2 U4 01/06/2000 X1", "01/06/2000 P C2 U5 01/09/2000 X1", "01/09/2000 P C2 U6")
            .Child("B", "01/01/1991", "01/01/2000 S C2 U4 01/06/2000 X1", "01/06/2000 P C2 R1"));

        count.Should().BeEquivalentTo(new CohortCount(1, 2, []));
    }

    [Fact]
    public void Temporary_placement_and_return_to_the_same_carer_does_not_count()
    {
        // U4 at SC1 (1); hospital T0 skipped; back to U4 at SC1 — same (PLACE, URN, PL_POST) → no count; P to U5 (2). Total 2.
        Placements(
            "01/01/2000 S C2 U4 01/06/2000 X1 urn=SC1 post=TS1",
            "01/06/2000 P C2 T0 10/06/2000 X1",
            "10/06/2000 P C2 U4 01/09/2000 X1 urn=SC1 post=TS1",
            "01/09/2000 P C2 U5 urn=SC2").Should().Be(2);
    }

    [Fact]
    public void Temporary_placement_then_a_different_carer_counts()
    {
        // U4 at SC1 (1); holiday T1 skipped; then U4 at SC9 — differs from SC1 → counts (2); P to U5 (3). Total 3.
        Placements(
            "01/01/2000 S C2 U4 01/06/2000 X1 urn=SC1 post=TS1",
            "01/06/2000 P C2 T1 10/06/2000 X1",
            "10/06/2000 P C2 U4 01/09/2000 X1 urn=SC9 post=TS1",
            "01/09/2000 P C2 U5 urn=SC2").Should().Be(3);
    }

    [Fact]
    public void A_run_of_several_temporary_episodes_compares_with_the_placement_before_the_run()
    {
        // U4 at SC1 (1); T0 then T3 skipped; back to SC1 → no count. Total 1.
        Placements(
            "01/01/2000 S C2 U4 01/06/2000 X1 urn=SC1",
            "01/06/2000 P C2 T0 05/06/2000 X1",
            "05/06/2000 P C2 T3 10/06/2000 X1",
            "10/06/2000 P C2 U4 urn=SC1").Should().Be(1);
    }

    [Fact]
    public void Same_carer_moves_T_and_U_never_count()
    {
        // U4 (1); T: U4→U5 same carer; U: legal status and placement change, same carer; P to R1 (2). Total 2.
        Placements(
            "01/01/2000 S C2 U4 01/05/2000 X1",
            "01/05/2000 T C2 U5 01/07/2000 X1",
            "01/07/2000 U C1 U6 01/09/2000 X1",
            "01/09/2000 P C1 R1").Should().Be(2);
    }

    [Fact]
    public void Legal_status_changes_L_never_count()
    {
        // U4 (1); L twice (C2→C1→E1), same placement → total 1.
        Placements("01/01/2000 S C2 U4 01/05/2000 X1", "01/05/2000 L C1 U4 01/07/2000 X1", "01/07/2000 L E1 U4").Should().Be(1);
    }

    [Fact]
    public void Legal_status_and_placement_change_B_counts()
    {
        // U4 (1); B to U5 (2); B to U6 (3).
        Placements("01/01/2000 S C2 U4 01/05/2000 X1", "01/05/2000 B C1 U5 01/07/2000 X1", "01/07/2000 B E1 U6").Should().Be(3);
    }

    [Fact]
    public void Re_entry_to_care_counts_as_a_new_placement()
    {
        // U4 (1), left 01/06/2000; came back (S) to the same U4 (2); P to U5 (3). RNE S always counts after the first.
        Placements("01/01/2000 S C2 U4 01/06/2000 E8", "01/08/2000 S C2 U4 01/10/2000 X1", "01/10/2000 P C2 U5").Should().Be(3);
    }

    [Fact]
    public void An_episode_that_ended_on_1_April_does_not_overlap_the_year()
    {
        // The U4 episode ends 01/04/2000, so it was open no day of 2000-01: U5 is the first (1), U6 (2). Total 2.
        Placements("01/01/2000 S C2 U4 01/04/2000 X1", "01/04/2000 P C2 U5 01/09/2000 X1", "01/09/2000 P C2 U6").Should().Be(2);
        // Ending a day later it was open on 1 April 2000: U4 (1), U5 (2), U6 (3).
        Placements("01/01/2000 S C2 U4 02/04/2000 X1", "02/04/2000 P C2 U5 01/09/2000 X1", "01/09/2000 P C2 U6").Should().Be(3);
    }

    [Fact]
    public void A_temporary_placement_at_the_start_of_the_year_is_skipped_and_the_next_counts_as_the_first()
    {
        // Hospital T0 carried in from March; then U4 (1, first remaining) and P to U5 (2). Total 2.
        Placements("20/03/2000 S C2 T0 10/04/2000 X1", "10/04/2000 P C2 U4 01/09/2000 X1", "01/09/2000 P C2 U5").Should().Be(2);
    }

    [Fact]
    public void Children_not_looked_after_at_31_March_are_outside_the_cohort()
    {
        // A ended 31/03/2001 (not open on 31 March) with 3 placements → outside. B started 31/03/2001 → in, 1 placement. 0/1.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "01/01/2000 S C2 U4 01/06/2000 X1", "01/06/2000 P C2 U5 01/09/2000 X1", "01/09/2000 P C2 U6 31/03/2001 E8")
            .Child("B", "01/01/1990", "31/03/2001 S C2 U4"));

        count.Should().BeEquivalentTo(new CohortCount(0, 1, []));
    }

    [Fact]
    public void Short_break_episodes_neither_count_nor_make_a_cohort()
    {
        // A: U4 (1), V3 short break in R1 dropped, P to U5 (2) → 2, not 3. B: only V3 at 31 March → outside. 0/1.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "01/01/2000 S C2 U4 01/06/2000 X1", "01/06/2000 P V3 R1 08/06/2000 X1", "08/06/2000 P C2 U5")
            .Child("B", "01/01/1990", "01/01/2000 S V3 R1"));

        count.Should().BeEquivalentTo(new CohortCount(0, 1, []));
    }
}
