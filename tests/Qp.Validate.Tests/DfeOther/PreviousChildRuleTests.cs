using Qp.Validate.Rules.Dfe;
using static Qp.Validate.Tests.DfeOther.PreviousChildCases;

namespace Qp.Validate.Tests.DfeOther;

/// <summary>The finer points of the DfE's rules against last year's return (the cases in <see cref="PreviousChildCases"/> cover the rest).</summary>
public class PreviousChildRuleTests
{
    private static List<(int Line, int Column)> Found(ReturnFixture f, string code) =>
        f.Validate().Where(m => m.Code == code).Select(m => (m.Line, m.Column)).ToList();

    private static PreviousRow Girl101(string sex) => R("Header", "101", "SEX=" + sex, "DOB=10/06/2012", "ETHNIC=WBRI", "UPN=A12345678901B", "MOTHER=0");

    [Fact]
    public void Rule_202_reads_last_years_1_and_2_as_M_and_F_across_the_2024_25_change()
    {
        // 2024-25's 101 is F (born 10/06/2014 after the base's two-year shift); 2023-24 wrote her SEX as 2.
        var girl = R("Header", "101", "SEX=2", "DOB=10/06/2014");
        Found(DfeBase.Return(2025).WithPrevious(Prev(2025, girl)), "202").Should().BeEmpty();
        Found(DfeBase.Return(2025).WithPrevious(Prev(2025, R("Header", "101", "SEX=1", "DOB=10/06/2014"))), "202").Should().Equal((2, 2));
    }

    [Fact]
    public void Rule_624_compares_only_two_given_dates_as_a_blank_MC_DOB_is_required_of_some_care_leavers()
    {
        // Girl 101 has MC_DOB blank this year; last year gave 01/01/2021.
        var last = R("Header", "101", "SEX=2", "DOB=10/06/2012", "MOTHER=1", "MC_DOB=01/01/2021");
        Found(DfeBase.Return().WithPrevious(Prev(2023, last)), "624").Should().BeEmpty();
        Found(DfeBase.Return().Set("Header", 2, "MC_DOB", "02/01/2021").WithPrevious(Prev(2023, last)), "624").Should().Equal((2, 7));
    }

    [Fact]
    public void Previous_year_rules_are_silent_when_the_return_given_is_not_last_years()
    {
        DfeBase.Return().WithPrevious(Prev(2023, Girl101("1"))).Validate().Should().Contain(m => m.Code == "202");
        DfeBase.Return().WithPrevious(Prev(2022, Girl101("1"))).Validate().Should().NotContain(m => m.Code == "202");
        DfeBase.Return().Validate().Should().NotContain(m => m.Code == "202");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("UN1", "UN3", true)]
    [InlineData(null, "UN4", true)]
    [InlineData("UN2", "A12345678901B", true)]
    [InlineData(null, "A12345678901B", true)]
    [InlineData(null, "UN1", false)]
    [InlineData("UN4", "UN3", false)]
    [InlineData("UN1", null, false)]
    [InlineData("A12345678901B", "UN2", false)]
    [InlineData("A12345678901B", "A12345678901C", false)]
    public void Rule_208_allows_a_UPN_to_change_only_from_unknown_towards_known(string? last, string? now, bool allowed)
    {
        PreviousChildRules.UpnChangeAllowed(last, now).Should().Be(allowed);
    }

    [Fact]
    public void Rule_576_compares_the_open_period_with_the_childs_earliest_missing_period_this_year()
    {
        // 101 has a second period this year, on line 3, starting 01/03/2023; the first (line 2) starts 01/05/2022.
        ReturnFixture Return(string lastStart) => DfeBase.Return().Add("Missing", "101", "10/06/2012", "M", "01/03/2023", "02/03/2023")
            .WithPrevious(Prev(2023, R("Missing", "101", "MIS_START=" + lastStart, "MIS_END=")));
        Found(Return("01/05/2022"), "576").Should().BeEmpty();
        Found(Return("01/03/2023"), "576").Should().Equal((2, 4));
    }

    [Fact]
    public void Rule_584_compares_DATE_PLACED_as_dates_not_as_text()
    {
        // Last year's decision of 15/01/2022 ceased; this year's of 01/02/2022 is later, though "01/02/2022" sorts before "15/01/2022".
        var last = R("PlacedAdoption", "103", "DATE_PLACED=15/01/2022", "DATE_PLACED_CEASED=20/01/2022", "REASON_PLACED_CEASED=RD1");
        Found(DfeBase.Return().WithPrevious(Prev(2023, last)), "584").Should().BeEmpty();
        Found(DfeBase.Return().Set("PlacedAdoption", 2, "DATE_PLACED", "15/01/2022").WithPrevious(Prev(2023, last)), "584").Should().Equal((2, 3));
    }

    [Fact]
    public void Rule_231_asks_for_a_check_only_when_the_UASC_child_is_under_11_at_31_March()
    {
        Found(DfeBase.Return(2025).Set("Header", 5, "DOB", "31/03/2014"), "231").Should().BeEmpty();
        Found(DfeBase.Return(2025).Set("Header", 5, "DOB", "01/04/2014"), "231").Should().Equal((5, 0));
        // The same child without a UASC row is not asked about.
        Found(DfeBase.Return(2025).Set("Header", 5, "DOB", "01/04/2014").Remove("UASC"), "231").Should().BeEmpty();
    }

    [Fact]
    public void Rule_706_flags_the_childs_first_deprivation_of_liberty_this_year_or_else_the_Header_row()
    {
        var open = R("DoLo", "104", "DOLO_START=01/02/2026", "DOLO_END=");
        Found(DfeBase.Return(2027).WithPrevious(Prev(2027, open)), "706").Should().Equal((2, 3));
        // Last year's open one carried over with its DOLO_START: silent.
        Found(DfeBase.Return(2027).Add("DoLo", "104", "01/09/2010", "01/02/2026", "").WithPrevious(Prev(2027, open)), "706").Should().BeEmpty();
    }
}
