namespace Qp.Validate.Tests.DfeOther;

/// <summary>Cases where a first reading of a DfE rule differed from the open validator row for row (found on random returns).</summary>
public class DfeParityTests
{
    private static IEnumerable<(string File, int Line)> Found(ReturnFixture f, string code) =>
        f.Validate().Where(m => m.Code == code).Select(m => (m.File, m.Line));

    [Fact]
    public void Rule_184_compares_DATE_PLACED_with_the_DOB_of_the_PlacedAdoption_row_itself()
    {
        // Header still says 01/06/2019; the row's own DOB is after DATE_PLACED 01/02/2022.
        Found(DfeBase.Return().Set("PlacedAdoption", 2, "DOB", "01/06/2022"), "184").Should().Equal(("PlacedAdoption.csv", 2));
        Found(DfeBase.Return().Set("PlacedAdoption", 2, "DOB", "01/01/2022"), "184").Should().BeEmpty();
    }

    [Fact]
    public void Rule_581_flags_a_missing_episode_without_a_valid_start_for_a_child_with_episodes()
    {
        Found(DfeBase.Return().Set("Missing", 2, "MIS_START", ""), "581").Should().Equal(("Missing.csv", 2));
        // A child with no episode at all is left to the integrity rules.
        Found(DfeBase.Return().Set("Missing", 2, "MIS_START", "").Set("Missing", 2, "CHILD", "109"), "581").Should().BeEmpty();
    }

    [Fact]
    public void SW17_takes_the_episode_with_the_latest_SW_DECOM_as_the_latest()
    {
        // 101's dated episode ends in the year; a second row without SW_DECOM is open but cannot be the latest.
        var f = DfeBase.Return(2026).Set("SWEpisodes", 2, "SW_DEC", "01/05/2025").Add("SWEpisodes", "101", "10/06/2015", "SW101", "", "", "MANAGE");
        Found(f, "SW17STG2").Should().Equal(("SWEpisodes.csv", 2));
    }

    [Fact]
    public void Rule_165_reads_the_sex_codes_of_the_year()
    {
        // From 2024-25 a girl is F: her MOTHER is required while she is looked after in the year.
        Found(DfeBase.Return(2025).Set("Header", 2, "MOTHER", ""), "165").Should().Equal(("Header.csv", 2));
        Found(DfeBase.Return(2025).Set("Header", 3, "MOTHER", "0"), "165").Should().Equal(("Header.csv", 3), ("OC3.csv", 2));
    }

    [Fact]
    public void Rule_399_flags_the_episodes_and_the_header_of_a_child_only_on_short_breaks()
    {
        Found(DfeBase.Return().Set("Episodes", 2, "LS", "V3"), "399").Should().BeEquivalentTo(
            [("Header.csv", 2), ("Reviews.csv", 2), ("Episodes.csv", 2)]);
    }
}
