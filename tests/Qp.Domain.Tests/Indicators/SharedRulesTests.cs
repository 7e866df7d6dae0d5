using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;
using static Qp.Domain.Tests.Indicators.ReturnBuilder;

namespace Qp.Domain.Tests.Indicators;

/// <summary>The common rules of SPEC §4, on collection year 2001 (1 April 2000 – 31 March 2001).</summary>
public class SharedRulesTests
{
    [Theory]
    [InlineData(CareSpan.SixMonths, "30/09/2000")]        // 6 months → 30 September Y−1
    [InlineData(CareSpan.TwelveMonths, "31/03/2000")]     // 12 months → 31 March Y−1
    [InlineData(CareSpan.TwoYears, "31/03/1999")]         // 2 years → 31 March Y−2 (D78 same carer)
    [InlineData(CareSpan.TwoAndAHalfYears, "30/09/1998")] // 2½ years → 30 September Y−3
    public void Care_spans_end_on_the_dates_SPEC_names(CareSpan span, string latestStart) =>
        span.LatestStart(2001).Should().Be(D(latestStart));

    [Fact]
    public void Episodes_are_grouped_by_child_and_sorted_by_DECOM()
    {
        // The file lists A's episodes out of order and interleaved with B's.
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990",
                "01/09/2000 P C2 U5", "01/05/2000 S C2 U4 01/09/2000 X1")
            .Child("B", "01/01/1991", "01/06/2000 S C2 R1")
            .Build();

        var index = ReturnIndex.Of(r);

        index.Children.Select(c => c.Child).Should().Equal("A", "B");
        index.Children[0].Episodes.Select(e => e.Decom).Should().Equal(D("01/05/2000"), D("01/09/2000"));
    }

    [Fact]
    public void Short_break_episodes_V3_and_V4_are_dropped_first()
    {
        // A: V3 short break then full care from 01/06/2000 → only the C2 episode remains.
        // B: only V4 short breaks → no episodes remain, so never looked after at 31 March.
        var r = new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "01/04/2000 S V3 R1 01/06/2000 X1", "01/06/2000 L C2 U4")
            .Child("B", "01/01/1991", "01/04/2000 S V4 R1")
            .Build();

        var index = ReturnIndex.Of(r);

        index.Children[0].Episodes.Should().ContainSingle().Which.Ls.Should().Be("C2");
        index.Children[1].Episodes.Should().BeEmpty();
        index.Children[1].LookedAfterAt31March(2001).Should().BeFalse();
    }

    [Fact]
    public void The_index_is_built_once_per_return()
    {
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990", "01/04/2000 S C2 U4").Build();
        ReturnIndex.Of(r).Should().BeSameAs(ReturnIndex.Of(r));
    }

    [Fact]
    public void Period_of_care_starts_at_the_latest_RNE_S_episode()
    {
        // Left care 01/06/2000, came back (RNE S) 01/08/2000, moved 01/10/2000: the period starts 01/08/2000.
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990",
            "01/01/1999 S C2 U4 01/06/2000 E8", "01/08/2000 S C2 U4 01/10/2000 X1", "01/10/2000 P C2 U5").Build();

        ReturnIndex.Of(r).Children[0].PeriodOfCareStart.Should().Be(D("01/08/2000"));
    }

    [Fact]
    public void Period_of_care_starts_at_the_first_remaining_episode_when_its_S_episode_was_a_short_break()
    {
        // The RNE S episode was V3 and is dropped; the care record starts at the C2 episode (RNE L).
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990", "01/04/1999 S V3 R1 01/06/1999 X1", "01/06/1999 L C2 U4").Build();

        ReturnIndex.Of(r).Children[0].PeriodOfCareStart.Should().Be(D("01/06/1999"));
    }

    [Fact]
    public void A_return_to_care_from_short_breaks_starts_a_new_period_of_care()
    {
        // In care 1997 to 01/01/2000 (left, E8); short breaks (V3, RNE S) from 01/03/2000; fully looked after (C2, RNE L)
        // from 01/06/2000. With the V3 episode dropped, the old RNE S episode is the latest S, but the gap from 01/01/2000
        // to 01/06/2000 shows the care record starting again: the period starts 01/06/2000, not 1997.
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990",
            "01/01/1997 S C2 U4 01/01/2000 E8", "01/03/2000 S V3 R1 01/06/2000 X1", "01/06/2000 L C2 U4").Build();

        ReturnIndex.Of(r).Children[0].PeriodOfCareStart.Should().Be(D("01/06/2000"));
    }

    [Theory]
    [InlineData("01/04/2000 S C2 U4 31/03/2001 E8", false)] // DEC = 31 March: left that day, not open at its end
    [InlineData("01/04/2000 S C2 U4 01/04/2001 E8", true)]  // DEC = 1 April Y: still open on 31 March
    [InlineData("31/03/2001 S C2 U4", true)]                 // DECOM = 31 March: open on 31 March
    [InlineData("01/04/2000 S C2 U4", true)]                 // open episode
    public void Looked_after_at_31_March_means_an_episode_open_on_31_March(string episode, bool lookedAfter)
    {
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990", episode).Build();
        ReturnIndex.Of(r).Children[0].LookedAfterAt31March(2001).Should().Be(lookedAfter);
    }

    [Fact]
    public void An_episode_starting_after_the_year_belongs_to_a_later_return()
    {
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990", "01/04/2000 S C2 U4 01/04/2001 X1", "01/04/2001 P C2 U5").Build();
        ReturnIndex.Of(r).Children[0].Episodes.Should().ContainSingle();
    }

    [Fact]
    public void Same_placement_compares_PLACE_URN_and_PL_POST_with_blanks_equal()
    {
        var r = new ReturnBuilder(2001).Child("A", "01/01/1990",
            "01/04/2000 S C2 U4 urn=SC1 post=TS1", "02/04/2000 P C2 U4 urn=sc1 post=TS1",
            "03/04/2000 P C2 U4 urn=SC1 post=TS2", "04/04/2000 P C2 U4", "05/04/2000 P C2 U4").Build();
        var e = ReturnIndex.Of(r).Children[0].Episodes;

        PlacementCounter.SamePlacement(e[0], e[1]).Should().BeTrue();  // codes compare case-insensitively
        PlacementCounter.SamePlacement(e[0], e[2]).Should().BeFalse(); // different PL_POST
        PlacementCounter.SamePlacement(e[3], e[4]).Should().BeTrue();  // both URN and PL_POST blank
    }

    [Fact]
    public void The_catalogue_of_calculators_is_in_catalogue_order()
    {
        ChildLevelIndicators.All.Select(i => i.Id).Should().Equal("A1", "A2", "A3", "B7", "C23", "D78", "HA");
    }
}
