using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;
using Qp.Domain.Returns;

namespace Qp.Domain.Tests.Indicators;

/// <summary>
/// Periods of care rebuilt from earlier returns (<see cref="AuthorityReturns"/>). Child A, born 01/01/1992, started to be
/// looked after on 10/05/1998 in placement U4 and moved with the same carer (RNE T) to U5 on 01/12/1999, where they still
/// are. Each real-shape return holds only the episodes open during its year, so from 2001 on A's return shows only the U5
/// episode, RNE T. For 2002 (31 March 2002), D78: in care since 10/05/1998 (on or before 30/09/1999, 10 years old) → cohort;
/// same carer since 10/05/1998 (on or before 31/03/2000) → numerator: 1/1. Known from 01/12/1999 only, A is not in the cohort.
/// </summary>
public class HistoryTests
{
    private static ChildLevelReturn Real(int year) => year switch
    {
        1999 => new ReturnBuilder(1999).Child("A", "01/01/1992", "10/05/1998 S C2 U4").Build(),
        2000 => new ReturnBuilder(2000).Child("A", "01/01/1992", "10/05/1998 S C2 U4 01/12/1999 X1", "01/12/1999 T C2 U5").Build(),
        _ => new ReturnBuilder(year).Child("A", "01/01/1992", "01/12/1999 T C2 U5").Build(),
    };

    private static (AuthorityReturns Returns, List<int> Loaded) Stored(params int[] years)
    {
        var loaded = new List<int>();
        return (new AuthorityReturns(years, y => { loaded.Add(y); return Real(y); }), loaded);
    }

    private static CohortCount Count(IChildLevelIndicator indicator, AssembledReturn a) =>
        indicator.Count(a.Return, new ChildHistory(new HashSet<string>()) { IncompleteHistory = a.IncompleteHistory });

    [Fact]
    public void A_period_that_began_three_years_earlier_is_rebuilt_from_the_return_that_holds_its_start()
    {
        var (returns, _) = Stored(1999, 2000, 2001, 2002);
        var a = returns.Assemble(2002);

        // Only the link that ended on 01/12/1999 (from 2000, the latest return that closed it) is added; the open copies of
        // the U5 episode in 2000 and 2001 are not, since the current return's own rows win.
        a.Return.Episodes.Select(e => (e.Decom, e.Rne)).Should().Equal((ReturnBuilder.D("01/12/1999"), "T"), (ReturnBuilder.D("10/05/1998"), "S"));
        a.IncompleteHistory.Should().BeEmpty();
        Count(new D78LongTermStability(), a).Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void A_missing_year_in_between_does_not_matter_when_an_earlier_return_holds_the_link()
    {
        var (returns, _) = Stored(2000, 2002);
        var a = returns.Assemble(2002);
        a.IncompleteHistory.Should().BeEmpty();
        Count(new D78LongTermStability(), a).Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void Missing_history_is_counted_from_what_is_stored_with_one_counted_warning_and_no_identifier()
    {
        // Only 2001 and 2002 stored: A's known record starts 01/12/1999 with RNE T, so D78 cannot see the 1998 start.
        var (returns, _) = Stored(2001, 2002);
        var a = returns.Assemble(2002);
        a.IncompleteHistory.Should().BeEquivalentTo(["A"]);

        var d78 = Count(new D78LongTermStability(), a);
        (d78.Numerator, d78.Denominator).Should().Be((0, 0));
        d78.Warnings.Should().Equal("1 child looked after at 31 March has a period of care that begins before the earliest stored return: " +
                                    "D78 rests on incomplete history for them (counted from the episodes stored)");

        // C23 (six months) and HA (twelve months) only need to know the period began before 1 April 2001: the same figures as with history.
        var full = Stored(1999, 2000, 2001, 2002).Returns.Assemble(2002);
        foreach (var indicator in ChildLevelIndicators.All.Where(i => i.Id != "D78"))
            Count(indicator, a).Should().BeEquivalentTo(Count(indicator, full), indicator.Id);
        Count(new C23Adoptions(), a).Denominator.Should().Be(1);
        Count(new HaHealthAssessments(), a).Denominator.Should().Be(1);
    }

    [Fact]
    public void Two_children_with_missing_history_make_one_warning_with_a_count_and_a_settled_child_is_not_counted()
    {
        // B and C: known from 01/12/1999 only (an earlier start could put them in D78's cohort): counted in the warning.
        // D: known since 01/06/1998 (already 2½ years) with the same carer since then (already 2 years): settled.
        // E: known since 01/06/1998, but a new carer (P) from 01/06/2001: not stable whatever came before, so settled too.
        var r2002 = new ReturnBuilder(2002)
            .Child("B", "01/01/1992", "01/12/1999 P C2 U5")
            .Child("C", "01/01/1993", "01/12/1999 T C2 U5")
            .Child("D", "01/01/1993", "01/06/1998 P C2 U5")
            .Child("E", "01/01/1993", "01/06/1998 P C2 U4 01/06/2001 X1", "01/06/2001 P C2 U6").Build();
        var a = new AuthorityReturns([2002], _ => r2002).Assemble(2002);
        a.IncompleteHistory.Should().BeEquivalentTo(["B", "C", "D", "E"]);
        var d78 = Count(new D78LongTermStability(), a);
        (d78.Numerator, d78.Denominator).Should().Be((1, 2));
        d78.Warnings.Should().ContainSingle().Which.Should().StartWith("2 children looked after at 31 March have periods of care that begin before the earliest stored return");
    }

    [Fact]
    public void Whole_period_returns_need_no_earlier_year_and_their_rows_come_back_unchanged()
    {
        var whole = new ReturnBuilder(2002).Child("A", "01/01/1992", "10/05/1998 S C2 U4 01/12/1999 X1", "01/12/1999 T C2 U5").Build();
        var loaded = new List<int>();
        var returns = new AuthorityReturns([1999, 2000, 2001, 2002], y => { loaded.Add(y); return y == 2002 ? whole : Real(y); });
        var a = returns.Assemble(2002);
        a.Return.Episodes.Should().BeSameAs(whole.Episodes);
        a.IncompleteHistory.Should().BeEmpty();
        loaded.Should().Equal(2002);
    }

    [Fact]
    public void Each_earlier_return_is_loaded_once_for_all_the_years_that_need_it()
    {
        var (returns, loaded) = Stored(1999, 2000, 2001, 2002);
        returns.Assemble(2001);
        returns.Assemble(2002);
        loaded.Should().Equal(2001, 2000, 2002);
    }

    [Fact]
    public void Counting_latest_first_and_forgetting_each_counted_year_still_loads_each_year_once()
    {
        // The engine's order: 2002 looks back into 2001 (no link) and 2000 (the link); both stay until counted, then go.
        var (returns, loaded) = Stored(1999, 2000, 2001, 2002);
        foreach (int year in new[] { 2002, 2001, 2000, 1999 })
        {
            returns.Assemble(year).IncompleteHistory.Should().BeEmpty();
            returns.Forget(year);
        }
        loaded.Should().Equal(2002, 2001, 2000, 1999);
    }
}
