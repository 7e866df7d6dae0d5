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
}
