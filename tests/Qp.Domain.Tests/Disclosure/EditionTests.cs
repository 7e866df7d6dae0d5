using Qp.Domain.Authorities;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Domain.Tests.Disclosure;

public class EditionTests
{
    private static readonly IndicatorDefinition A1 = new("A1", "Stability", "", "", "", Polarity.LowerIsBetter, "%", [],
        [new Target(TargetKind.Maximum, 16, 2001, null, "max 16%")], [], []);

    private static readonly IndicatorDefinition A3 = new("A3", "Re-registrations", "", "", "", Polarity.LowerIsBetter, "%", [],
        [new Target(TargetKind.RelativeReduction, 10, 2002, 1998, "10% below 1998")], [], []);

    // Region X: 1, 2, 3; region Y: 4, 5, 6. Authority 2's neighbours are 1, 3 and 4.
    private static readonly Dictionary<int, Authority> Authorities = new[]
    {
        new Authority(1, "E1", "One", "X", "Unitary"), new Authority(2, "E2", "Two", "X", "Unitary"), new Authority(3, "E3", "Three", "X", "County"),
        new Authority(4, "E4", "Four", "Y", "Unitary"), new Authority(5, "E5", "Five", "Y", "County"), new Authority(6, "E6", "Six", "Y", "County"),
    }.ToDictionary(a => a.Code);

    private static IndicatorResult R(string ind, int year, int la, int num, int den) => new()
    {
        Indicator = ind, Year = year, LaCode = la, Source = ResultSource.Aggregate, Numerator = num, Denominator = den, Value = 100.0 * num / den,
        Ci95Lower = 100.0 * num / den - 1, Ci95Upper = 100.0 * num / den + 1,
    };

    // A1 2001: 1/20, 10/20, 12/30 in X; 4/20, 2/20, 30/40 in Y. England 59 of 150.
    private static readonly IndicatorResult[] Year2001 =
        [R("A1", 2001, 1, 1, 20), R("A1", 2001, 2, 10, 20), R("A1", 2001, 3, 12, 30), R("A1", 2001, 4, 4, 20), R("A1", 2001, 5, 2, 20), R("A1", 2001, 6, 30, 40)];

    private static Edition Publish(IEnumerable<IndicatorResult> results, params NationalResult[] national) =>
        Edition.Publish(new EditionInput([A1, A3], Authorities, new Dictionary<int, IReadOnlyList<int>> { [2] = [1, 3, 4] }, results.ToList(), national));

    private static readonly NationalResult England2001 = new() { Indicator = "A1", Year = 2001, Numerator = 59, Denominator = 150, Value = 100.0 * 59 / 150 };

    [Fact]
    public void A_region_total_that_would_pin_its_one_hidden_member_down_is_withheld()
    {
        var e = Publish(Year2001, England2001);
        // X: 1 + 10 + 12 = 23 → 20, shown 22, so authority 1's hidden count would be 20 − 5 − 22 … 20 + 4 − 22 = at most 2: {1, 2}.
        e.Region("A1", 2001, "X").Should().Be(new AreaTotal("A1", 2001, "X", null, 70, null, Withheld: true));
        // Y: 36 → 40, shown 30: authorities 4 and 5 together 5 to 14, each still 1 to 5. Percentage from the rounded counts: 40/80.
        e.Region("A1", 2001, "Y").Should().Be(new AreaTotal("A1", 2001, "Y", 40, 80, 50.0, Withheld: false));
        // England: 59 → 60, shown 52: the three hidden together 3 to 12 — safe. 100·60/150 = 40%.
        var england = e.National.Single();
        (england.Numerator, england.Denominator, england.Value).Should().Be((60L, 150L, (double?)40.0));
        e.HidesEngland("A1", 2001).Should().BeFalse();
        e.Suppressions.Should().BeEquivalentTo(new[]
        {
            new SuppressionCount("A1", 2001, SuppressionReason.SmallNumerator, 3),
            new SuppressionCount("A1", 2001, SuppressionReason.RegionTotal, 1),
        });
    }

    [Fact]
    public void A_denominator_of_1_or_2_beside_a_hidden_numerator_is_withheld_and_so_is_a_total_that_would_rule_2_out()
    {
        // X: 0 of 1, 10 of 20, 12 of 33; Y: 1 of 2, 20 of 40, 30 of 40. England 73 of 136.
        IndicatorResult[] results =
            [R("A1", 2001, 1, 0, 1), R("A1", 2001, 2, 10, 20), R("A1", 2001, 3, 12, 33), R("A1", 2001, 4, 1, 2), R("A1", 2001, 5, 20, 40), R("A1", 2001, 6, 30, 40)];
        var e = Publish(results, new NationalResult { Indicator = "A1", Year = 2001, Numerator = 73, Denominator = 136, Value = 100.0 * 73 / 136 });
        // Shown, 0 of 1 would leave {0, 1}; hidden, a reader knows the denominator is 1 or 2 and the numerator 0, 1 or 2.
        e.Results.Where(r => r.Denominator is null).Select(r => r.LaCode).Should().Equal(1, 4);
        e.Of(results[0]).Should().HaveFlag(Withheld.Denominator);
        e.Of(results[1]).Should().Be(Withheld.None);
        // X's denominators 54 → 50 with 53 shown would put authority 1's at 50 + 4 − 53 = at most 1, ruling 2 out: X is withheld whole.
        e.Region("A1", 2001, "X").Should().Be(new AreaTotal("A1", 2001, "X", null, null, null, Withheld: true));
        // Y: numerators 51 → 50 (shown 50: authority 4's 0 to 4), denominators 82 → 80 (shown 80: its −5 to 4) — both safe. 50/80.
        e.Region("A1", 2001, "Y").Should().Be(new AreaTotal("A1", 2001, "Y", 50, 80, 62.5, Withheld: false));
        // England: 73 → 70 (shown 72: the two hidden numerators together at most 2, each still 0 to 2); 136 → 140 (shown 133: 2 to 11).
        (e.National.Single().Numerator, e.National.Single().Denominator, e.National.Single().Value).Should().Be((70L, 140L, (double?)50.0));
        (e.HidesEngland("A1", 2001), e.HidesEnglandDenominator("A1", 2001)).Should().Be((false, false));
        e.Suppressions.Should().BeEquivalentTo(new[]
        {
            new SuppressionCount("A1", 2001, SuppressionReason.SmallNumerator, 1),
            new SuppressionCount("A1", 2001, SuppressionReason.SmallDenominator, 1),
            new SuppressionCount("A1", 2001, SuppressionReason.TinyDenominator, 2),
            new SuppressionCount("A1", 2001, SuppressionReason.RegionTotal, 1),
        });
    }

    [Fact]
    public void England_denominators_that_would_rule_2_out_withhold_England()
    {
        // One region: 0 of 1 hidden, 10 of 20 and 25 of 33 shown. Numerators 35 → 40, shown 35: the hidden one 0 to 2, safe.
        // Denominators 54 → 50, shown 53: the hidden one at most 1, which rules 2 out, so England is withheld with its denominator.
        IndicatorResult[] results = [R("A1", 2001, 1, 0, 1), R("A1", 2001, 2, 10, 20), R("A1", 2001, 3, 25, 33)];
        var e = Publish(results, new NationalResult { Indicator = "A1", Year = 2001, Numerator = 35, Denominator = 54, Value = 100.0 * 35 / 54 });
        (e.HidesEngland("A1", 2001), e.HidesEnglandDenominator("A1", 2001)).Should().Be((true, true));
        e.National.Single().Value.Should().BeNull();
    }

    [Fact]
    public void Ranks_quartiles_and_averages_are_over_shown_figures_only()
    {
        var e = Publish(Year2001, England2001);
        var two = e.Results.Single(r => r.LaCode == 2);
        // Neighbours 1 (hidden), 3 (40%) and 4 (hidden): the average is 40% of one value shown.
        two.SnAverage.Should().Be(40.0);
        e.AverageBases(two).Neighbours.Should().Be(new AverageBasis(1, 3));
        // Region X shown: 10/20 and 12/30 → 22/50 = 44%, two of its three values.
        two.RegionAverage.Should().Be(44.0);
        e.AverageBases(two).Region.Should().Be(new AverageBasis(2, 3));
        // Shown values 50, 40, 75 (lower is better): ranks 2, 1, 3 of 3; quartiles 45, 50, 62.5.
        e.Results.Where(r => r.Rank is not null).ToDictionary(r => r.LaCode, r => (r.Rank, r.RankOf))
            .Should().BeEquivalentTo(new Dictionary<int, (int?, int?)> { [2] = (2, 3), [3] = (1, 3), [6] = (3, 3) });
        var n = e.National.Single();
        (n.Q1, n.Median, n.Q3, n.Authorities).Should().Be(((double?)45.0, (double?)50.0, (double?)62.5, 3));
        // A hidden authority's figures are not in the edition at all, and the decision says to print them as c.
        var one = e.Results.Single(r => r.LaCode == 1);
        (one.Numerator, one.Value, one.Ci95Lower, one.Rank, one.TargetStatus).Should().Be(((int?)null, (double?)null, (double?)null, (int?)null, TargetStatus.NoTarget));
        e.Of(one).Should().HaveFlag(Withheld.Numerator).And.HaveFlag(Withheld.Percent);
        one.Denominator.Should().Be(20, "denominators are shown");
    }

    [Fact]
    public void Change_trend_and_a_target_from_a_hidden_baseline_are_withheld_with_it()
    {
        var results = Year2001.Select(r => r.LaCode == 2 ? r with { ChangePp = 35, TrendChi2 = 12.5, Trend = Trend.Increasing } : r).ToList();
        results.Add(R("A1", 2000, 2, 3, 20)); // 3 of 20 in 2000: hidden, so 2001's change (and trend) would give it away
        results.Add(R("A3", 1998, 2, 2, 10)); // hidden baseline
        results.Add(R("A3", 2002, 2, 8, 50) with { TargetValue = 18, TargetStatus = TargetStatus.Met, TargetDistance = 2 });
        var e = Publish(results, England2001);
        var two = e.Results.Single(r => r is { Indicator: "A1", Year: 2001, LaCode: 2 });
        e.Of(two).Should().Be(Withheld.Change | Withheld.Trend);
        (two.ChangePp, two.TrendChi2, two.Value).Should().Be(((double?)null, (double?)null, (double?)50.0));
        var a3 = e.Results.Single(r => r is { Indicator: "A3", Year: 2002 });
        e.Of(a3).Should().Be(Withheld.Target);
        // 90% of the hidden 20% would print 18%: the target goes, and its status and distance with it; the value stays.
        (a3.TargetValue, a3.TargetStatus, a3.TargetDistance, a3.Value).Should().Be(((double?)null, TargetStatus.NoTarget, (double?)null, (double?)16.0));
        e.Suppressions.Where(s => s.Secondary).Select(s => (s.Indicator, s.Year, s.Reason, s.Cells)).Should().BeEquivalentTo(new[]
        {
            ("A1", 2001, SuppressionReason.Change, 1), ("A1", 2001, SuppressionReason.Trend, 1), ("A1", 2001, SuppressionReason.RegionTotal, 1),
            ("A3", 2002, SuppressionReason.TargetBaseline, 1),
        });
    }

    [Fact]
    public void An_unpublished_edition_shows_everything_as_stored()
    {
        var e = Edition.Unpublished(new EditionInput([A1], Authorities, new Dictionary<int, IReadOnlyList<int>>(), Year2001, [England2001]));
        e.Results.Should().BeSameAs(Year2001);
        e.National.Single().Should().BeSameAs(England2001);
        Year2001.Should().OnlyContain(r => e.Of(r) == Withheld.None);
        e.Region("A1", 2001, "X").Should().Be(new AreaTotal("A1", 2001, "X", 23, 70, 100.0 * 23 / 70, false));
        e.Suppressions.Should().BeEmpty();
    }
}
