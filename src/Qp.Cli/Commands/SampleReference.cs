using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Qp.Domain.Authorities;

namespace Qp.Cli.Commands;

/// <summary>
/// Writes SYNTHETIC reference files matching a generated sample's returns of the DfE's years (2022-23 on), so that the rules on the
/// postcode directory and Ofsted's provider lists run on the sample end to end: a postcode directory in the ONS layout holding every
/// postcode of those returns, and a provider list in Ofsted's layout holding every URN. Neither is real: each authority is put at a
/// made-up point in a 250 by 300 km box, its postcodes within 8 km of it, and a postcode's authority follows the sample's own
/// placements (own provision in the authority, another authority's provision elsewhere) rather than geography.
/// </summary>
public static partial class SampleReference
{
    /// <summary>The folder under the sample's output that holds the files.</summary>
    public const string Folder = "reference";

    /// <summary>The synthetic postcode directory's file name.</summary>
    public const string PostcodesFile = "SYNTHETIC-onspd-postcodes.csv";

    /// <summary>The synthetic provider list's file name.</summary>
    public const string ProvidersFile = "SYNTHETIC-ofsted-providers.csv";

    [GeneratedRegex(@"^(\d{3})_(\d{4})$")]
    private static partial Regex LaYear();

    /// <summary>Writes the files for the returns of 2022-23 on under <paramref name="outDir"/>; returns the files written (none when there are no such returns).</summary>
    public static IReadOnlyList<string> Write(string outDir, IReadOnlyList<Authority> authorities)
    {
        var ons = authorities.ToDictionary(a => a.Code, a => a.OnsCode);
        var rows = new List<(string La, string[] F)>();
        foreach (var dir in Directory.EnumerateDirectories(outDir).Order(StringComparer.Ordinal))
        {
            var m = LaYear().Match(Path.GetFileName(dir));
            var episodes = Path.Combine(dir, "Episodes.csv");
            if (!m.Success || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) < 2023 || !File.Exists(episodes)) continue;
            if (!ons.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var la)) continue;
            using var csv = CsvReader.FromFile(episodes, new CsvReaderOptions { Separator = ',' });
            int[] idx = [.. new[] { "PLACE", "PLACE_PROVIDER", "HOME_POST", "PL_POST", "URN" }.Select(c => csv.TryGetFieldIndex(c, out int i) ? i : -1)];
            if (idx.Any(i => i < 0)) continue;
            while (csv.Read()) rows.Add((la, [.. idx.Select(i => csv.GetString(i).Trim())]));
        }
        if (rows.Count == 0) return [];

        // A postcode's authority: own provision (PR1) is in the returning authority, another authority's provision (PR2) in the next
        // authority of the list, the child's home in the returning authority; any other placement in the authority whose children live in that area.
        var codes = authorities.Select(a => a.OnsCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        string Other(string la) => codes[(Array.IndexOf(codes, la) + 1) % codes.Length];
        var areaOwner = rows.Where(r => r.F[2].Length > 0).GroupBy(r => Area(r.F[2]))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.La).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key);
        var authorityOf = new Dictionary<string, string>(StringComparer.Ordinal);
        // Placements first: no rule reads a home postcode's authority, so where the generator drew the same postcode twice the placement wins.
        // Own provision other than foster and adoption placements first: it must lie in the authority (the DfE's 1015); placements
        // made before 2022-23 kept the postcodes drawn then, which two authorities' foster carers may share.
        foreach (var (la, f) in rows) if (f[3].Length > 0 && f[1] == "PR1" && f[0] is not ['U' or 'A', ..]) authorityOf.TryAdd(f[3], la);
        foreach (var (la, f) in rows) if (f[3].Length > 0 && f[1] == "PR1") authorityOf.TryAdd(f[3], la);
        foreach (var (la, f) in rows) if (f[3].Length > 0 && f[1] == "PR2") authorityOf.TryAdd(f[3], Other(la));
        foreach (var (la, f) in rows) if (f[2].Length > 0) authorityOf.TryAdd(f[2], la);
        foreach (var (la, f) in rows) if (f[3].Length > 0) authorityOf.TryAdd(f[3], areaOwner.GetValueOrDefault(Area(f[3]), la));

        var folder = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(folder);
        var postcodes = Path.Combine(folder, PostcodesFile);
        var sb = new StringBuilder("pcd,oscty,oslaua,oseast1m,osnrth1m\n");
        foreach (var (pc, la) in authorityOf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (e, n) = Grid(la, pc);
            sb.Append(CultureInfo.InvariantCulture, $"{pc},E99999999,{la},{e},{n}\n");
        }
        File.WriteAllText(postcodes, sb.ToString());

        // Every URN with the placement types and provider codes it is used with; its postcode when it is always the same one and
        // lies where its own provision (PR1) and other authorities' provision (PR2) say it does. Placements made before 2022-23 kept
        // the postcodes and URNs drawn then, which two authorities may share; such a provider is listed without a postcode.
        var providers = Path.Combine(folder, ProvidersFile);
        sb.Clear().Append("URN,Provider Code,Provider Placement Code,Registration date,Closed Date,Setting Postcode\n");
        foreach (var g in rows.Where(r => r.F[4].Length > 0 && r.F[4] != "XXXXXXX").GroupBy(r => r.F[4]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var posts = g.Select(r => r.F[3]).Where(p => p.Length > 0).Distinct().ToArray();
            string Join(int i) => string.Join('/', g.Select(r => r.F[i]).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal));
            bool placed = posts.Length == 1 && g.All(r => r.F[1] switch
            {
                "PR1" => authorityOf[posts[0]] == r.La,
                "PR2" => authorityOf[posts[0]] != r.La,
                _ => true,
            });
            sb.Append(CultureInfo.InvariantCulture, $"{g.Key},{Join(1)},{Join(0)},01/04/2000,,{(placed ? posts[0] : "")}\n");
        }
        File.WriteAllText(providers, sb.ToString());
        File.WriteAllText(Path.Combine(folder, "README.txt"),
            "SYNTHETIC reference data written by qp sample for its own synthetic returns. These are not the ONS Postcode Directory\n" +
            "nor Ofsted's provider lists: grid references and authorities are made up to match the sample's placements.\n" +
            "Import them with: qp import --db DB " + PostcodesFile + " " + ProvidersFile + "\n");
        return [postcodes, providers];
    }

    private static string Area(string postcode) => new([.. postcode.TakeWhile(char.IsLetter)]);

    // A stable made-up point: the authority's within a 250 km by 300 km box (at most about 240 miles apart), the postcode's within 8 km of it.
    private static (int E, int N) Grid(string la, string postcode)
    {
        uint h = Hash(la), p = Hash(postcode);
        return (300_000 + (int)(h % 250_000) + (int)(p % 16_000) - 8_000, 150_000 + (int)(h / 250_000 % 300_000) + (int)(p / 16_000 % 16_000) - 8_000);
    }

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h;
    }
}
