using static Qp.Sample.Tests.DirectCounts;

namespace Qp.Sample.Tests;

/// <summary>The small scale for every authority, in the years the levels are checked (1998, 2000, 2002, 2004).</summary>
public sealed class NationalRun : IDisposable
{
    public string Dir { get; } = TestSupport.NewDir();
    public List<Levels> Levels { get; }
    public string AggregateFile { get; }

    public NationalRun()
    {
        // Whole shape: the direct counts need each child's period of care in one file (the real shape's levels are
        // counted through import and compute in Qp.Cli.Tests' SampleLevelsTests).
        var result = SampleGenerator.Generate(Dir, TestSupport.Authorities, new SampleOptions([1998, 2000, 2002, 2004], SampleScale.Small, 1, Shape: SampleShape.Whole));
        AggregateFile = result.AggregateFile!;
        Levels = CountAll(Dir);
    }

    public void Dispose() => TestSupport.Delete(Dir);
}

/// <summary>
/// National levels counted directly on the generated rows (see <see cref="DirectCounts"/>): the generator's targets from
/// the QP era. The official calculators are tested in Qp.Compute.Tests; these tolerances allow for sampling noise at
/// the small scale (about 6,000 children looked after, 650 care leavers and 2,800 registrations a year).
/// </summary>
public class NationalLevelTests(NationalRun run) : IClassFixture<NationalRun>
{
    private double Level(int year, Func<Levels, Ratio> pick) => National(run.Levels, year, pick).Percent;

    [Fact]
    public void Every_authority_has_a_return_and_the_country_has_about_6000_children_looked_after_at_31_March()
    {
        run.Levels.Should().HaveCount(153 * 4);
        foreach (int year in new[] { 1998, 2002 })
            run.Levels.Where(l => l.Year == year).Sum(l => l.LookedAfter).Should().BeInRange(5000, 7000);
    }

    [Fact]
    public void A1_three_or_more_placements_is_about_20_percent_in_1998_falling_to_about_16_by_2002()
    {
        Level(1998, l => l.A1).Should().BeApproximately(20, 3);
        Level(2002, l => l.A1).Should().BeApproximately(16, 3);
        Level(2002, l => l.A1).Should().BeLessThan(Level(1998, l => l.A1) - 2);
    }

    [Fact]
    public void A1_spreads_across_authorities_from_single_figures_to_the_thirties()
    {
        // Authorities with at least 30 children at 31 March, so the spread is the authorities' own, not small-number noise.
        var values = run.Levels.Where(l => l.Year == 1998 && l.A1.Denominator >= 30).Select(l => l.A1.Percent).Order().ToList();
        values.Count.Should().BeGreaterThan(50);
        values[values.Count / 10].Should().BeLessThan(14, "the most stable tenth of authorities is well under the national level");
        values[values.Count * 9 / 10].Should().BeGreaterThan(26, "the least stable tenth is well over it");
        values.First().Should().BeLessThan(9);
        values.Last().Should().BeGreaterThan(30);
    }

    [Fact]
    public void A2_care_leavers_with_a_GCSE_or_GNVQ_rise_from_about_30_percent_in_2000_to_about_45_by_2004()
    {
        Level(2000, l => l.A2).Should().BeApproximately(30, 5);
        Level(2004, l => l.A2).Should().BeApproximately(45, 5);
    }

    [Fact]
    public void A3_re_registrations_fall_from_about_20_percent_to_about_14()
    {
        Level(1998, l => l.A3).Should().BeApproximately(20, 3);
        Level(2002, l => l.A3).Should().BeApproximately(14, 3);
    }

    [Fact]
    public void B7_C23_D78_and_HA_sit_at_their_QP_era_levels()
    {
        Level(2000, l => l.B7).Should().BeInRange(62, 74);
        Level(2000, l => l.C23).Should().BeInRange(3, 7);
        Level(2000, l => l.D78).Should().BeInRange(50, 75);
        Level(2000, l => l.Ha).Should().BeInRange(68, 88);
    }

    [Fact]
    public void The_1995_to_1997_A1_aggregate_has_a_top_quartile_near_16_percent_and_England_near_21()
    {
        var rows = File.ReadAllLines(run.AggregateFile);
        rows[0].Should().Be("la_code,year,indicator,numerator,denominator");
        var fields = rows.Skip(1).Select(r => r.Split(',')).ToList();
        fields.Should().HaveCount(153 * 3).And.OnlyContain(f => f[2] == "A1" && int.Parse(f[3]) <= int.Parse(f[4]) && int.Parse(f[3]) >= 0);
        double topQuartileMean = fields.GroupBy(f => f[1]).Average(g =>
        {
            var values = g.Where(f => int.Parse(f[4]) > 0).Select(f => 100.0 * int.Parse(f[3]) / int.Parse(f[4])).Order().ToList();
            return Type7(values, 0.25); // lower is better for A1, so the top quartile is the 25th percentile
        });
        topQuartileMean.Should().BeApproximately(16, 1.5);
        double england = 100.0 * fields.Sum(f => int.Parse(f[3])) / fields.Sum(f => int.Parse(f[4]));
        england.Should().BeApproximately(21, 1.5);
    }

    /// <summary>R type 7 quantile: h = (n−1)p, interpolating between the order statistics either side.</summary>
    private static double Type7(List<double> sorted, double p)
    {
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.Min(lo + 1, sorted.Count - 1)] - sorted[lo]);
    }
}
