using Qp.Domain.Results;
using Qp.Domain.Statistics;
using Qp.Import.Neighbours;
using Qp.Import.Published;
using Qp.Import.Reference;
using Qp.Store;
using Qp.Tests.Shared;

namespace Qp.Compute.Tests;

/// <summary>The published 2025 files imported, computed and compared with the figures DfE published.</summary>
public sealed class RealDataComputeTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private IReadOnlyList<Domain.Indicators.IndicatorDefinition> ImportAndCompute(params string[] files)
    {
        var catalogue = IndicatorCatalogueFile.ReadFolder(Path.Combine(RealData.RepoRoot, "templates", "indicators"));
        AuthorityStore.ReplaceAuthorities(_store.Conn, AuthoritiesFile.Read(Path.Combine(RealData.RepoRoot, "templates", "authorities.csv")));
        var codes = AuthorityStore.Authorities(_store.Conn).Select(a => a.Code).ToHashSet();
        foreach (var file in files)
        {
            var read = PublishedStatisticsFile.Read(RealData.File(file), catalogue, codes);
            read.Errors.Should().BeEmpty();
            AggregateStore.Import(_store.Conn, "published", RealData.File(file), read.Items, file);
        }
        var sn = StatisticalNeighbourFile.Read(RealData.File("sn_model_2025_wide.csv"), codes);
        sn.Errors.Should().BeEmpty();
        AuthorityStore.ReplaceNeighbours(_store.Conn, sn.Items);
        new IndicatorEngine(catalogue, []).Run(_store.Conn);
        return catalogue;
    }

    [RealDataFact]
    public void A1_2025_england_from_the_authorities_matches_the_published_national_row()
    {
        ImportAndCompute("la_cla_placement_stability.csv");
        var n = ResultsStore.National(_store.Conn).Single(x => x.Indicator == "A1" && x.Year == 2025);
        // The file's national row (CLA on 31 March): 8500 of 81770 with 3+ placements = 10.395% (published rounded: 10).
        n.PublishedValue.Should().BeApproximately(100.0 * 8500 / 81770, 1e-9);
        // Summing the 150 authorities with both counts: 8495 / 81734 = 10.3935%. Left out: Rutland (c of 32), City of London
        // (0 of c), Isles of Scilly (z of 0), and Cumbria 909 / Northamptonshire 928 (z; not current authorities).
        (n.Numerator, n.Denominator, n.Authorities).Should().Be((8495L, 81734L, 150));
        n.Value.Should().BeApproximately(10.3935, 0.0001);
        n.Value.Should().BeApproximately(n.PublishedValue!.Value, 0.01);
        n.Trend.Should().NotBe(Trend.CannotBeCalculated, "the file has the five years 2021–2025");
    }

    [RealDataFact]
    public void A1_2025_authority_values_and_wilson_intervals_from_the_file_counts()
    {
        ImportAndCompute("la_cla_placement_stability.csv");
        var byLa = ResultsStore.ForYear(_store.Conn, 2025).Where(r => r.Indicator == "A1").ToDictionary(r => r.LaCode);
        // Hartlepool 805: 31 of 332 = 9.3373%; z = 1.959964: (62 + 3.841459 ∓ 1.959964·√(3.841459 + 4·31·301/332)) / (2 × 335.841459)
        //   = (65.841459 ∓ 21.135...) / 671.682918 → 6.6561% to 12.9488%.
        Check(byLa[805], 31, 332, 9.3373, 6.6561, 12.9488);
        // Barking and Dagenham 301: 62 of 431 = 14.3852% (11.3863% to 18.0132%).
        Check(byLa[301], 62, 431, 14.3852, 11.3863, 18.0132);
        // Norfolk 926: 116 of 1069 = 10.8513% (9.1250% to 12.8578%).
        Check(byLa[926], 116, 1069, 10.8513, 9.1250, 12.8578);
        // Rutland 857: numerator suppressed (c) of 32 → missing, never zero; no value, rank or comparison.
        (byLa[857].Numerator, byLa[857].Denominator, byLa[857].Value, byLa[857].Rank).Should().Be(((int?)null, (int?)32, (double?)null, (int?)null));
        byLa[857].VsEngland.Should().Be(VsEngland.NotCompared);
        // Hartlepool's ten neighbours (807 37/397, 394 45/510, 393 19/295, 890 41/531, 806 59/493, 390 36/503, 840 110/1183,
        // 876 41/367, 372 62/476, 340 24/325): mean of their percentages = 9.2310.
        byLa[805].SnAverage.Should().BeApproximately(9.2310, 0.0001);
        byLa[805].Source.Should().Be(ResultSource.Published);
        byLa[805].RankOf.Should().Be(150);
    }

    private static void Check(IndicatorResult r, int num, int den, double value, double lower, double upper)
    {
        (r.Numerator, r.Denominator).Should().Be((num, den));
        r.Value.Should().BeApproximately(value, 0.0001);
        r.Ci95Lower.Should().BeApproximately(lower, 0.0001);
        r.Ci95Upper.Should().BeApproximately(upper, 0.0001);
        r.Ci998Lower.Should().BeApproximately(Wilson.Ci998(num, den)!.Lower, 1e-12);
    }

    [RealDataFact]
    public void A3_2025_from_the_d3_file()
    {
        ImportAndCompute("d3_cpps_subsequent_plan_2013_to_2025.csv");
        var n = ResultsStore.National(_store.Conn).Single(x => x.Indicator == "A3" && x.Year == 2025);
        // National row: 15130 second or subsequent plans of 61840 = 24.466% (published 24.5; national counts are rounded to 10).
        // The 151 authorities with counts sum to 15126 / 61837 = 24.4611% (City of London and Isles of Scilly are c).
        n.PublishedValue.Should().BeApproximately(100.0 * 15130 / 61840, 1e-9);
        (n.Numerator, n.Denominator, n.Authorities).Should().Be((15126L, 61837L, 151));
        n.Value.Should().BeApproximately(n.PublishedValue!.Value, 0.01);
        // Hartlepool: 78 of 241 = 32.3651% (file: 32.4).
        var hartlepool = ResultsStore.ForYear(_store.Conn, 2025).Single(r => r.Indicator == "A3" && r.LaCode == 805);
        hartlepool.Value.Should().BeApproximately(32.3651, 0.0001);
        // 2013–2025 gives the five years the trend needs.
        hartlepool.Trend.Should().NotBe(Trend.CannotBeCalculated);
    }
}
