using Qp.Domain.Validation;

namespace Qp.Validate.Tests;

/// <summary>The DfE's return shape: only the episodes open during the year, the first often continuing a period begun in earlier returns.</summary>
public class RealShapeTests
{
    [Fact]
    public void A_first_episode_that_began_before_the_year_may_have_any_RNE()
    {
        // Child 1001's first episode (10/01/1999) began before 1 April 2000: in a real return its RNE is whatever that episode had.
        var messages = ReturnFixture.Valid().Set("Episodes", 2, "RNE", "P").Validate();
        messages.Should().BeEmpty();
    }

    [Fact]
    public void A_first_episode_that_began_in_the_year_must_still_be_RNE_S()
    {
        // Child 1002 entered care on 01/05/2000, inside the year: that starts a period of care, so RNE P is wrong.
        var messages = ReturnFixture.Valid().Set("Episodes", 4, "DECOM", "01/05/2000").Set("Episodes", 4, "RNE", "P").Validate();
        messages.Should().ContainSingle(m => m.Code == "E221").Which.Line.Should().Be(4);
    }

    [Fact]
    public void A_child_with_a_Header_row_and_no_episodes_is_a_warning_not_an_error()
    {
        var messages = ReturnFixture.Valid().Add("Header", "3003", "1", "01/01/1995", "WBRI", "", "0", "").Validate();
        messages.Should().ContainSingle().Which.Should().Match<ValidationMessage>(m => m.Code == "W602" && m.Severity == Severity.Warning && m.Line == 4);
    }

    [Fact]
    public void Last_years_open_episodes_matched_by_DECOM_raise_nothing_whether_the_return_holds_the_year_or_the_whole_period()
    {
        // The fixture carries 1001's whole period (the S episode of 10/01/1999 included); the real shape starts at the same episode.
        ReturnFixture.Valid().WithPrevious(ReturnFixture.ConsistentPrevious).Validate().Should().BeEmpty();
        ReturnFixture.Valid().Set("Episodes", 2, "RNE", "P").WithPrevious("1001 10/01/1999 P C2 N1 U4 PR1", "1002 01/02/1999 S C2 N2 K2 PR1")
            .Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_changed_episode_names_the_fields_that_changed_and_their_codes()
    {
        var m = ReturnFixture.Valid().WithPrevious("1001 10/01/1999 S C1 N1 U6 PR1", "1002 01/02/1999 S C2 N2 K2 PR1").Validate().Should().ContainSingle().Subject;
        (m.Code, m.Severity, m.Line).Should().Be(("W702", Severity.Warning, 2));
        m.Message.Should().Be("the episode open at the end of last year's return differs from it: LS was C1, now C2; PLACE was U6, now U4");
    }

    [Fact]
    public void A_legacy_foster_code_recoded_to_its_U_code_is_the_same_placement_but_not_to_another_kind_of_foster_care()
    {
        // 1001 is in U4 (foster, not a relative) this year: Q2 (foster, not a relative) is the same placement recoded in 2000-01.
        ReturnFixture.Valid().WithPrevious("1001 10/01/1999 S C2 N1 Q2 PR1", "1002 01/02/1999 S C2 N2 K2 PR1").Validate().Should().BeEmpty();
        var m = ReturnFixture.Valid().WithPrevious("1001 10/01/1999 S C2 N1 Q1 PR1", "1002 01/02/1999 S C2 N2 K2 PR1").Validate().Should().ContainSingle().Subject;
        m.Message.Should().Be("the episode open at the end of last year's return differs from it: PLACE was Q1, now U4");
    }

    [Fact]
    public void An_episode_open_on_1_April_that_last_years_return_does_not_hold_is_a_warning()
    {
        // Last year 1001's latest episode had ended (08/03/1999) and a different one began later: the 10/01/1999 episode is missing there.
        var m = ReturnFixture.Valid().WithPrevious("1001 01/12/1998 S C2 N1 U4 PR1 08/03/1999 E8", "1002 01/02/1999 S C2 N2 K2 PR1").Validate();
        m.Should().ContainSingle().Which.Should().Match<ValidationMessage>(x => x.Code == "W703" && x.Line == 2 && x.Message.Contains("whose latest episode of this child began 01/12/1998"));
    }
}
