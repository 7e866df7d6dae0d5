namespace Qp.Validate.Tests.DfeOther;

/// <summary>
/// The eight rules where the open validator, run as councils run it, differs from qp on its own fake data (359, 376, 386, 387, 388,
/// 407, 602, 607). Its rule 365 writes the end of the year into every blank DEC of the data it was handed, which every later rule
/// shares, so from then on no episode is open. The DfE's rules read the return as submitted: an open episode has not ended.
/// </summary>
public class OpenEpisodeTests
{
    private static IEnumerable<(string File, int Line)> Found(ReturnFixture f, string code) =>
        f.Validate().Where(m => m.Code == code).Select(m => (m.File, m.Line));

    [Fact]
    public void Rule_359_flags_an_open_episode_of_a_young_person_over_18_outside_V2_K2()
    {
        // 104 turns 18 on 01/09/2022 and is still in K2 under C2 at 31/03/2023.
        var over18 = DfeBase.Return().Set("Header", 5, "DOB", "01/09/2004").Set("UASC", 2, "DOB", "01/09/2004").Set("PrevPerm", 2, "DOB", "01/09/2004");
        Found(over18, "359").Should().Equal(("Episodes.csv", 6));
        Found(over18.Set("Episodes", 6, "LS", "V2"), "359").Should().BeEmpty();
        // Ended in the year: not looked after at the end of it.
        Found(over18.Set("Episodes", 6, "DEC", "01/03/2023").Set("Episodes", 6, "REC", "E8"), "359").Should().BeEmpty();
    }

    [Fact]
    public void Rule_376_measures_only_a_T3_placement_that_ended()
    {
        // 101 moves to a holiday placement on 01/01/2023: 89 days open at 31/03/2023, not yet over 21 days of a placement that ended.
        var f = DfeBase.Return().Set("Episodes", 2, "DEC", "01/01/2023").Set("Episodes", 2, "REC", "X1").Set("Episodes", 2, "REASON_PLACE_CHANGE", "CARPL")
            .Add("Episodes", "101", "01/01/2023", "T", "C2", "N1", "T3", "PR1", "", "", "", "TS24 8", "TS25 1", "1000101");
        Found(f, "376").Should().BeEmpty();
        Found(f.Set("Episodes", 7, "DEC", "23/01/2023").Set("Episodes", 7, "REC", "E8"), "376").Should().Equal(("Episodes.csv", 7));
        Found(f.Set("Episodes", 7, "DEC", "22/01/2023").Set("Episodes", 7, "REC", "E8"), "376").Should().BeEmpty();
    }

    [Theory]
    // 102 (born 05/03/2005) ends care on 10/03/2023, aged 18: adopted (386) or an order (407) needs under 18.
    [InlineData("386", "E11", 3, "10/03/2023", true)]
    [InlineData("386", "E11", 3, "", false)]
    [InlineData("407", "E45", 3, "10/03/2023", true)]
    [InlineData("407", "E45", 3, "", false)]
    // 101 (born 10/06/2012) is 10: independent living needs 14.
    [InlineData("387", "E5", 2, "01/03/2023", true)]
    [InlineData("387", "E5", 2, "", false)]
    public void Age_at_DEC_rules_judge_only_an_episode_that_ended(string code, string rec, int line, string dec, bool flagged)
    {
        var f = DfeBase.Return().Set("Episodes", line, "REC", rec).Set("Episodes", line, "DEC", dec);
        Found(f, code).Should().Equal(flagged ? [("Episodes.csv", line)] : []);
    }

    [Fact]
    public void Rule_388_does_not_read_an_open_episode_as_the_end_of_care()
    {
        // An open episode carrying X1 is wrong (REC must be blank while open), but no episode ended, so 388 has nothing to say.
        Found(DfeBase.Return().Set("Episodes", 2, "REC", "X1"), "388").Should().BeEmpty();
        Found(DfeBase.Return().Set("Episodes", 2, "REC", "X1").Set("Episodes", 2, "DEC", "01/03/2023"), "388").Should().Equal(("Episodes.csv", 2));
    }

    [Fact]
    public void Rule_607_wants_MOTHER_only_for_a_girl_whose_care_ended_in_the_year()
    {
        var blank = DfeBase.Return().Set("Header", 2, "MOTHER", "");
        Found(blank.Set("Episodes", 2, "REC", "E8"), "607").Should().BeEmpty();
        Found(blank.Set("Episodes", 2, "REC", "E8").Set("Episodes", 2, "DEC", "01/03/2023"), "607").Should().Equal(("Episodes.csv", 2));
    }

    [Fact]
    public void Rule_602_flags_AD1_of_a_child_whose_adoption_episode_is_still_open()
    {
        Found(DfeBase.Return(), "602").Should().BeEmpty();
        Found(DfeBase.Return().Set("Episodes", 5, "DEC", ""), "602").Should().Equal(("AD1.csv", 2));
    }
}
