using System.Globalization;
using System.Text;
using Qp.Domain.Authorities;

namespace Qp.Sample;

/// <summary>
/// Writes a statistical-neighbour file in the DfE wide layout for the sample data. The published model
/// is real data and is not shipped, so the sample stands in for it: neighbours are the ten authorities
/// of the same type, then the same region, closest in code — deterministic and plausible enough to exercise
/// the comparator averages.
/// </summary>
public static class SyntheticNeighbours
{
    /// <summary>The ten neighbours of <paramref name="la"/> among <paramref name="all"/>, closest first.</summary>
    public static IReadOnlyList<Authority> For(Authority la, IReadOnlyList<Authority> all) =>
        all.Where(a => a.Code != la.Code)
            .OrderBy(a => a.Type == la.Type ? 0 : 1)
            .ThenBy(a => a.Region == la.Region ? 0 : 1)
            .ThenBy(a => Math.Abs(a.Code - la.Code))
            .ThenBy(a => a.Code)
            .Take(10)
            .ToList();

    /// <summary>Writes the file for every authority to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<Authority> all)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        var header = new StringBuilder("old_la_code,la_name,region_ind,region_name");
        for (int i = 1; i <= 10; i++) header.Append(CultureInfo.InvariantCulture, $",SN_{i},SN_{i}P");
        w.WriteLine(header);
        var regions = all.Select(a => a.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var la in all.OrderBy(a => a.Code))
        {
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{la.Code},{Quote(la.Name)},{regions.IndexOf(la.Region) + 1},{Quote(la.Region)}");
            var sn = For(la, all);
            for (int i = 0; i < sn.Count; i++)
                line.Append(CultureInfo.InvariantCulture, $",{sn[i].Code},{(sn[i].Type == la.Type && sn[i].Region == la.Region ? "Close" : "Somewhat close")}");
            w.WriteLine(line);
        }
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
