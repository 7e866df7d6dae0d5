using Qp.Domain.Authorities;
using Qp.Import.Reference;
using Qp.Sample;
using Qp.Tests.Shared;

namespace Qp.Sample.Tests;

public class SyntheticNeighboursTests
{
    private static readonly IReadOnlyList<Authority> All =
        AuthoritiesFile.Read(Path.Combine(RealData.RepoRoot, "templates", "authorities.csv"));

    [Fact]
    public void Hartlepool_neighbours_are_the_north_east_unitaries_first_by_code_distance()
    {
        // The six other North East unitaries, by |code − 805|: 806 (1), 807 (2), 808 (3), 840 (35), 841 (36), 929 (124);
        // the remaining four are unitaries of other regions.
        var sn = SyntheticNeighbours.For(All.Single(a => a.Code == 805), All);
        sn.Should().HaveCount(10);
        sn.Take(6).Select(a => a.Code).Should().Equal(806, 807, 808, 840, 841, 929);
        sn.Skip(6).Should().OnlyContain(a => a.Type == "Unitary authority" && a.Region != "North East");
    }

    [Fact]
    public void File_has_the_DfE_wide_layout_with_one_row_per_authority()
    {
        var path = Path.GetTempFileName();
        try
        {
            SyntheticNeighbours.Write(path, All);
            var lines = File.ReadAllLines(path);
            lines[0].Should().StartWith("old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P").And.EndWith("SN_10,SN_10P");
            lines.Should().HaveCount(All.Count + 1);
            lines.Should().Contain(l => l.StartsWith("801,\"Bristol, City of\",", StringComparison.Ordinal));
        }
        finally { File.Delete(path); }
    }
}
