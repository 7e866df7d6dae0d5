using static Qp.Sample.Tests.DirectCounts;

namespace Qp.Sample.Tests;

/// <summary>
/// Placements made from 2022-23 have postcodes and URNs of their own authority, so the synthetic reference data written with the
/// sample can put every authority's own provision inside it (the DfE's 229 and 1015).
/// </summary>
public class OwnLocationTests
{
    private static readonly DateOnly From = new(2022, 4, 1);

    [Fact]
    public void No_postcode_or_urn_of_own_provision_placed_from_2022_23_is_used_by_another_authority()
    {
        string dir = TestSupport.NewDir();
        try
        {
            // Eight authorities whose homes lie in postcode area DT at England scale; the whole shape shows when each placement began.
            var las = TestSupport.Pick(211, 302, 392, 807, 822, 883, 890, 943);
            SampleGenerator.Generate(dir, las, new SampleOptions([2024], SampleScale.England, 1, AggregateYears: [], Shape: SampleShape.Whole));
            var rows = las.SelectMany(la => ReadTable(Path.Combine(dir, $"{la.Code}_2024", "Episodes.csv")).Select(r => (La: la.Code, Row: r))).ToList();
            // A child's placement is new when no episode of the child before 2022-23 had its postcode (a return to an earlier placement is not).
            var before = rows.Where(x => Date(x.Row["DECOM"]) < From).Select(x => (x.La, x.Row["CHILD"], x.Row["PL_POST"])).ToHashSet();
            var placed = rows.Where(x => Date(x.Row["DECOM"]) >= From && x.Row["PLACE_PROVIDER"] == "PR1" && !before.Contains((x.La, x.Row["CHILD"], x.Row["PL_POST"]))).ToList();
            placed.Count.Should().BeGreaterThan(1000);

            var authoritiesOf = new Dictionary<string, HashSet<int>>();
            foreach (var (la, r) in rows)
                foreach (var v in new[] { "P:" + r["PL_POST"], "U:" + r["URN"] })
                    if (v.Length > 2) (authoritiesOf.TryGetValue(v, out var s) ? s : authoritiesOf[v] = []).Add(la);
            var shared = placed.SelectMany(x => new[] { "P:" + x.Row["PL_POST"], "U:" + x.Row["URN"] }.Where(v => v.Length > 2 && authoritiesOf[v].Count > 1)
                .Select(v => $"{x.La} {x.Row["CHILD"]} {x.Row["DECOM"]} {v} also in {string.Join(',', authoritiesOf[v].Where(o => o != x.La))}")).ToList();
            shared.Should().BeEmpty();
        }
        finally { TestSupport.Delete(dir); }
    }
}
