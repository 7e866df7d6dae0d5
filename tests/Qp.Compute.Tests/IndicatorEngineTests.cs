using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Compute.Tests;

public sealed class IndicatorEngineTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private static IndicatorDefinition Definition(string id, Polarity polarity, Target[] targets, double[] bands) =>
        new(id, id, id, "n", "d", polarity, "%", [], targets, bands, []);

    private static readonly IndicatorDefinition T1 =
        Definition("T1", Polarity.LowerIsBetter, [new Target(TargetKind.Maximum, 16, 2001, null, "≤ 16%")], [10, 13, 16, 20]);

    private static readonly IndicatorDefinition T3 =
        Definition("T3", Polarity.LowerIsBetter, [new Target(TargetKind.RelativeReduction, 10, 2002, 1998, "10% below 1998")], []);

    private static AggregateFigure La(string source, string id, int la, int year, int? n, int? d) =>
        new(source, AreaLevel.La, la, null, null, year, id, n, d, null, null);

    private void FourAuthorities()
    {
        _store.Authorities(
            new Authority(101, "E1", "Ayton", "North", "Unitary"), new Authority(102, "E2", "Beeford", "North", "Unitary"),
            new Authority(103, "E3", "Carlby", "South", "London"), new Authority(104, "E4", "Dunham", "South", "Unitary"));
        AuthorityStore.ReplaceNeighbours(_store.Conn, [
            new StatisticalNeighbour(101, 1, 102, "Close"), new StatisticalNeighbour(101, 2, 103, "Close"),
            new StatisticalNeighbour(104, 1, 101, "Close"), new StatisticalNeighbour(104, 2, 102, "Close")]);
    }

    // Year 2001, indicator T1 (lower is better, ≤ 16% from 2001, PAF thresholds 10/13/16/20):
    //   101 child-level 12/100 = 12% (aggregate says 10/100, published 11/100: child-level wins, both differences recorded)
    //   102 aggregate 25/100 = 25%;  103 aggregate 30/200 = 15%;  104 published 5/100 = 5%
    // England = (12 + 25 + 30 + 5) / (100 + 100 + 200 + 100) = 72 / 500 = 14.4%.
    // Sorted values 5, 12, 15, 25 (type 7, h = 3p): Q1 = 5 + 0.75 × 7 = 10.25; median = 12 + 0.5 × 3 = 13.5; Q3 = 15 + 0.25 × 10 = 17.5.
    private IReadOnlyList<IndicatorResult> ComputeFourAuthorities(string? warning = null)
    {
        FourAuthorities();
        _store.Figures(La(ResultSource.Aggregate, "T1", 101, 2001, 10, 100), La(ResultSource.Aggregate, "T1", 102, 2001, 25, 100),
            La(ResultSource.Aggregate, "T1", 103, 2001, 30, 200));
        _store.Figures(La(ResultSource.Published, "T1", 101, 2001, 11, 100), La(ResultSource.Published, "T1", 104, 2001, 5, 100),
            La(ResultSource.Published, "T1", 103, 2001, 30, 200));
        _store.Submission(101, 2001);
        var fake = new FakeIndicator("T1", new() { [(101, 2001)] = (12, 100) }, warning);
        new IndicatorEngine([T1], [fake]).Run(_store.Conn);
        return ResultsStore.ForYear(_store.Conn, 2001);
    }

    [Fact]
    public void England_is_the_sum_of_authority_counts_with_type_7_quartiles()
    {
        ComputeFourAuthorities();
        var n = ResultsStore.National(_store.Conn).Should().ContainSingle().Subject;
        (n.Numerator, n.Denominator, n.Authorities).Should().Be((72L, 500L, 4));
        n.Value.Should().BeApproximately(14.4, 1e-9);
        (n.Q1, n.Median, n.Q3).Should().Be((10.25, 13.5, 17.5));
        n.TargetValue.Should().Be(16);
        n.Trend.Should().Be(Domain.Results.Trend.CannotBeCalculated);
    }

    [Fact]
    public void Child_level_wins_and_the_differences_are_recorded()
    {
        var results = ComputeFourAuthorities();
        var r = results.Single(x => x.LaCode == 101);
        (r.Source, r.Numerator, r.Denominator).Should().Be((ResultSource.ChildLevel, 12, 100));
        // 103 has the same 30/200 in the aggregate and published files: no child-level figure, so no difference.
        SourceDifferencesStore.All(_store.Conn).Should().Equal(
            new SourceDifference("T1", 101, 2001, 12, 100, ResultSource.Aggregate, 10, 100),
            new SourceDifference("T1", 101, 2001, 12, 100, ResultSource.Published, 11, 100));
        // Aggregate beats published for 103.
        results.Single(x => x.LaCode == 103).Source.Should().Be(ResultSource.Aggregate);
        results.Single(x => x.LaCode == 104).Source.Should().Be(ResultSource.Published);
    }

    [Fact]
    public void Rank_bands_and_comparison_with_england()
    {
        var byLa = ComputeFourAuthorities().ToDictionary(r => r.LaCode);
        // Lower is better: 5% (104) first, 12% (101), 15% (103), 25% (102).
        byLa.Values.OrderBy(r => r.LaCode).Select(r => r.Rank).Should().Equal(2, 4, 3, 1);
        byLa[101].RankOf.Should().Be(4);
        // Quartile bands: 12 ≤ median 13.5 → B; 25 > Q3 → D; 15 ≤ Q3 17.5 → C; 5 ≤ Q1 → A.
        byLa.Values.OrderBy(r => r.LaCode).Select(r => r.QuartileBand).Should().Equal("B", "D", "C", "A");
        // PAF bands from 10/13/16/20: 12 → 4, 25 → 1, 15 → 3, 5 → 5.
        byLa.Values.OrderBy(r => r.LaCode).Select(r => r.PafBand).Should().Equal(4, 1, 3, 5);
        // 95% intervals against England 14.4%: 12/100 ≈ 7.0–20.0 holds it → Similar; 25/100: lower = (50 + 3.8415 − 1.96·√(3.8415 + 75)) / 207.683
        // = 17.5% > 14.4 → Worse; 5/100: upper = (10 + 3.8415 + 1.96·√(3.8415 + 19)) / 207.683 = 11.2% < 14.4 → Better; 30/200 ≈ 10.7–20.6 → Similar.
        byLa.Values.OrderBy(r => r.LaCode).Select(r => r.VsEngland)
            .Should().Equal(VsEngland.Similar, VsEngland.Worse, VsEngland.Similar, VsEngland.Better);
        byLa[101].Ci95Lower.Should().BeApproximately(Domain.Statistics.Wilson.Ci95(12, 100)!.Lower, 1e-12);
    }

    [Fact]
    public void Comparator_averages_and_targets()
    {
        var byLa = ComputeFourAuthorities().ToDictionary(r => r.LaCode);
        // SN: 101's neighbours 102 (25%) and 103 (15%) → 20; 104's neighbours 101 (12%) and 102 (25%) → 18.5; 102 has none.
        byLa[101].SnAverage.Should().Be(20);
        byLa[104].SnAverage.Should().Be(18.5);
        byLa[102].SnAverage.Should().BeNull();
        // Region North = (12 + 25) / 200 = 18.5%; South = (30 + 5) / 300 = 11.667%; type Unitary = (12 + 25 + 5) / 300 = 14%.
        byLa[101].RegionAverage.Should().BeApproximately(18.5, 1e-9);
        byLa[103].RegionAverage.Should().BeApproximately(11.6667, 0.0001);
        byLa[104].TypeAverage.Should().BeApproximately(14, 1e-9);
        byLa[103].TypeAverage.Should().BeApproximately(15, 1e-9);
        // ≤ 16%: 101 is 4 points better (met), 102 is 9 points worse (not met).
        (byLa[101].TargetStatus, byLa[101].TargetValue, byLa[101].TargetDistance).Should().Be((TargetStatus.Met, 16.0, 4.0));
        (byLa[102].TargetStatus, byLa[102].TargetDistance).Should().Be((TargetStatus.NotMet, -9.0));
    }

    [Fact]
    public void Counting_warnings_are_stored_once_against_the_submission()
    {
        ComputeFourAuthorities("3 children in the T1 cohort have no OC1 row");
        // Computing again replaces the earlier compute warnings instead of adding to them.
        new IndicatorEngine([T1], [new FakeIndicator("T1", new() { [(101, 2001)] = (12, 100) }, "3 children in the T1 cohort have no OC1 row")]).Run(_store.Conn);
        var m = MessagesStore.Current(_store.Conn).Should().ContainSingle().Subject;
        (m.LaCode, m.Year, m.Message.Code, m.Message.File).Should().Be((101, 2001, "CT1", "compute"));
        m.Message.Message.Should().Be("3 children in the T1 cohort have no OC1 row");
    }

    // 101's T3 figures 1998–2002: 20, 19, 18, 16, 17 per 100 (aggregate); the published England figure for 2002 is 180/1000.
    private void FiveYears()
    {
        FourAuthorities();
        int[] nums = [20, 19, 18, 16, 17];
        _store.Figures(nums.Select((n, i) => La(ResultSource.Aggregate, "T3", 101, 1998 + i, n, 100)).ToArray());
        _store.Figures(new AggregateFigure(ResultSource.Published, AreaLevel.National, null, "E92000001", "England", 2002, "T3", 180, 1000, 18, null));
        new IndicatorEngine([T3], []).Run(_store.Conn);
    }

    [Fact]
    public void Relative_target_change_and_trend_over_five_years()
    {
        FiveYears();
        var r = ResultsStore.ForYear(_store.Conn, 2002).Single();
        // Target: 1998 baseline 20% × (1 − 10/100) = 18%; 17% beats it by 1 point.
        r.TargetValue.Should().BeApproximately(18, 1e-9);
        r.TargetStatus.Should().Be(TargetStatus.Met);
        r.TargetDistance.Should().BeApproximately(1, 1e-9);
        // Change from 2001: 17 − 16 = +1 point.
        r.ChangePp.Should().BeApproximately(1, 1e-9);
        // χ²: C = 90, D = 500, ΣCt = 20 + 38 + 54 + 64 + 85 = 261, ΣDt = 1500, ΣDt² = 5500;
        // D·ΣCt − C·ΣDt = 130500 − 135000 = −4500; χ² = 500 × 4500² / (90 × 410 × 500000) = 0.54878 → no significant change.
        r.TrendChi2.Should().BeApproximately(0.54878, 0.00001);
        r.Trend.Should().Be(Domain.Results.Trend.NoSignificantChange);
        ResultsStore.ForYear(_store.Conn, 2001).Single().Trend.Should().Be(Domain.Results.Trend.CannotBeCalculated);
        ResultsStore.ForYear(_store.Conn, 2001).Single().TargetStatus.Should().Be(TargetStatus.NotYetDue);
        var n = ResultsStore.National(_store.Conn).Single(x => x.Year == 2002);
        (n.Value, n.PublishedValue).Should().Be((17.0, 18.0));
        n.TargetValue.Should().BeNull("a relative target has no single national value");
    }

    [Fact]
    public void One_year_is_recomputed_and_the_others_are_kept()
    {
        FiveYears();
        // A corrected 2002 figure arrives; recompute only 2002.
        _store.Figures(La(ResultSource.Aggregate, "T3", 101, 2002, 15, 100), La(ResultSource.Aggregate, "T3", 101, 1998, 30, 100));
        new IndicatorEngine([T3], []).Run(_store.Conn, 2002);
        ResultsStore.ForYear(_store.Conn, 2002).Single().Value.Should().Be(15);
        // 1998 keeps its stored result (20%) because only 2002 was recomputed, but 2002's target uses the new baseline 30% × 0.9 = 27%.
        ResultsStore.ForYear(_store.Conn, 1998).Single().Value.Should().Be(20);
        ResultsStore.ForYear(_store.Conn, 2002).Single().TargetValue.Should().BeApproximately(27, 1e-9);
        ResultsStore.Years(_store.Conn).Should().Equal(1998, 1999, 2000, 2001, 2002);
    }

    [Fact]
    public void Several_submissions_are_counted_side_by_side()
    {
        FourAuthorities();
        // Eight submissions (four authorities, 2001 and 2002) counted in parallel, each worker on its own connection.
        var counts = new Dictionary<(int, int), (int, int)>();
        foreach (int la in new[] { 101, 102, 103, 104 })
            foreach (int year in new[] { 2001, 2002 })
            {
                _store.Submission(la, year);
                counts[(la, year)] = (la - 100 + (year - 2001), 10); // 101 → 1/10 in 2001, 2/10 in 2002; … 104 → 4/10, 5/10
            }
        var summary = new IndicatorEngine([T1], [new FakeIndicator("T1", counts, "1 child in the T1 cohort has no episode on 31 March")]).Run(_store.Conn);
        summary.Submissions.Should().Be(8);
        summary.Warnings.Should().Be(8);
        // 2001: (1 + 2 + 3 + 4) / 40 = 25%; 2002: (2 + 3 + 4 + 5) / 40 = 35%.
        ResultsStore.National(_store.Conn).Select(n => (n.Year, n.Numerator, n.Denominator)).Should().Equal((2001, 10L, 40L), (2002, 14L, 40L));
        ResultsStore.ForYear(_store.Conn, 2002).Should().OnlyContain(r => r.Source == ResultSource.ChildLevel && r.ChangePp == 10);
        MessagesStore.Current(_store.Conn).Should().HaveCount(8);
    }
}
