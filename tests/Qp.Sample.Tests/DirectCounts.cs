using System.Globalization;

namespace Qp.Sample.Tests;

/// <summary>
/// Plain, direct counts of indicator levels on generated return files — written independently of the generator so its
/// output can be checked. The official calculators (Qp.Compute) are tested separately against hand-worked cases; these
/// counts only follow SPEC §4 closely enough to check the generator's national levels.
/// </summary>
public static class DirectCounts
{
    /// <summary>A numerator and denominator.</summary>
    public sealed record Ratio(long Numerator, long Denominator)
    {
        public double Percent => Denominator == 0 ? double.NaN : 100.0 * Numerator / Denominator;
        public static Ratio operator +(Ratio a, Ratio b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);
        public static readonly Ratio Zero = new(0, 0);
    }

    /// <summary>One authority-year's counts.</summary>
    public sealed record Levels(int La, int Year, Ratio A1, Ratio A2, Ratio A3, Ratio B7, Ratio C23, Ratio D78, Ratio Ha, int LookedAfter, int EpisodesOverlappingYear, int EpisodesStartedInYear);

    public sealed record Ep(DateOnly Decom, DateOnly? Dec, string Rne, string Ls, string Place, string Urn, string PlPost, string Rec)
    {
        public bool OpenOn(DateOnly d) => Decom <= d && (Dec is null || Dec.Value > d);
        public bool Temporary => Place.StartsWith('T');
        public (string, string, string) Where => (Place, Urn, PlPost);
    }

    public static DateOnly? Date(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Reads a generated CSV file (no quoting is ever needed in generated files) as rows keyed by column name.</summary>
    public static List<Dictionary<string, string>> ReadTable(string path)
    {
        var lines = File.ReadAllLines(path);
        var head = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => head.Select((h, i) => (h, f[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
    }

    /// <summary>Episodes of each child, ordered by DECOM.</summary>
    public static Dictionary<string, List<Ep>> ReadEpisodes(string folder) =>
        ReadTable(Path.Combine(folder, "Episodes.csv"))
            .GroupBy(r => r["CHILD"])
            .ToDictionary(g => g.Key, g => g.Select(r => new Ep(Date(r["DECOM"])!.Value, Date(r["DEC"]), r["RNE"], r["LS"], r["PLACE"], r["URN"], r["PL_POST"], r["REC"]))
                .OrderBy(e => e.Decom).ToList());

    /// <summary>Counts every indicator on the return in <paramref name="folder"/> (named la_year).</summary>
    public static Levels Count(string folder)
    {
        var name = Path.GetFileName(folder).Split('_');
        int la = int.Parse(name[0], CultureInfo.InvariantCulture), year = int.Parse(name[1], CultureInfo.InvariantCulture);
        var start = new DateOnly(year - 1, 4, 1);
        var end = new DateOnly(year, 3, 31);
        var dob = ReadTable(Path.Combine(folder, "Header.csv")).ToDictionary(r => r["CHILD"], r => Date(r["DOB"])!.Value);
        var oc1 = ReadTable(Path.Combine(folder, "OC1.csv")).ToDictionary(r => r["CHILD"]);
        var oc2 = ReadTable(Path.Combine(folder, "OC2.csv")).ToDictionary(r => r["CHILD"]);
        var cpr = ReadTable(Path.Combine(folder, "CPR.csv"));

        var a1 = Ratio.Zero; var a2 = Ratio.Zero; var b7 = Ratio.Zero; var c23 = Ratio.Zero; var d78 = Ratio.Zero; var ha = Ratio.Zero;
        int cla = 0, overlapping = 0, started = 0;
        foreach (var (child, all) in ReadEpisodes(folder))
        {
            // Short breaks (V3/V4) are dropped first.
            var eps = all.Where(e => e.Ls is not ("V3" or "V4")).ToList();
            overlapping += all.Count(e => e.Decom <= end && (e.Dec is null || e.Dec > start));
            started += all.Count(e => e.Decom >= start && e.Decom <= end);
            if (eps.Count == 0) continue;
            var latest = eps[^1];
            bool atEnd = latest.OpenOn(end);
            var periodStart = eps.Last(e => e.Rne == "S").Decom;
            int ageAtEnd = Age(dob[child], end);

            if (atEnd)
            {
                cla++;
                var inYear = eps.Where(e => e.Decom <= end && (e.Dec is null || e.Dec > start)).ToList();
                a1 += new Ratio(CountedPlacements(inYear).Count >= 3 ? 1 : 0, 1);
                b7 += new Ratio(IsFosterOrAdoption(latest.Place) ? 1 : 0, 1);
                if (periodStart <= new DateOnly(year - 1, 9, 30))
                    c23 += new Ratio(0, 1);
                if (periodStart <= end.AddYears(-1))
                    ha += new Ratio(oc2.TryGetValue(child, out var o) && o["HEALTH_ASSESSMENT"] == "1" ? 1 : 0, 1);
                if (ageAtEnd < 16 && periodStart <= new DateOnly(year - 3, 9, 30))
                {
                    var counted = CountedPlacements(eps.Where(e => e.Decom >= periodStart).ToList());
                    var sameCarerSince = counted[^1].Decom;
                    bool stable = sameCarerSince <= end.AddYears(-2)
                        || (latest.Place is "A3" or "A4" or "A5" or "A6" && counted.Count >= 2 && counted[^2].Decom <= end.AddYears(-2));
                    d78 += new Ratio(stable ? 1 : 0, 1);
                }
            }
            else if (latest.Dec is { } left && left >= start && left <= end && latest.Rec != "X1" && Age(dob[child], left) >= 16)
            {
                a2 += new Ratio(oc1.TryGetValue(child, out var q) && q["QUAL_GCSE_GNVQ"] == "1" ? 1 : 0, 1);
            }
            if (eps.Any(e => e.Dec is { } d && d >= start && d <= end && e.Rec is "E11" or "E12"))
                c23 += new Ratio(1, 0);
        }
        var a3 = new Ratio(cpr.Count(r => r["PREV_REG"] == "1"), cpr.Count);
        return new Levels(la, year, a1, a2, a3, b7, c23, d78, ha, cla, overlapping, started);
    }

    /// <summary>
    /// SPEC §4 placement counting: skip temporary episodes; the first remaining counts one; later ones count when RNE is
    /// S, P or B, except that one straight after a run of temporaries counts only if it is a different placement from
    /// the last one before the run. Returns the episodes that counted.
    /// </summary>
    public static List<Ep> CountedPlacements(List<Ep> ordered)
    {
        var counted = new List<Ep>();
        Ep? lastReal = null;
        bool afterTemporary = false;
        foreach (var e in ordered)
        {
            if (e.Temporary) { afterTemporary = true; continue; }
            bool counts = lastReal is null
                || (e.Rne is "S" or "P" or "B" && !(afterTemporary && e.Where == lastReal.Where));
            if (counts) counted.Add(e);
            lastReal = e;
            afterTemporary = false;
        }
        return counted;
    }

    public static bool IsFosterOrAdoption(string place) =>
        place is "U1" or "U2" or "U3" or "U4" or "U5" or "U6" or "Q1" or "Q2" or "A3" or "A4" or "A5" or "A6";

    public static int Age(DateOnly dob, DateOnly on) => Qp.Domain.CollectionYear.AgeOn(dob, on);

    /// <summary>Counts every la_year folder under <paramref name="outDir"/>.</summary>
    public static List<Levels> CountAll(string outDir) =>
        Directory.GetDirectories(outDir).Where(d => Path.GetFileName(d).Contains('_')).Order(StringComparer.Ordinal).Select(Count).ToList();

    /// <summary>The national ratio (Σ numerators / Σ denominators) of one indicator for one year.</summary>
    public static Ratio National(IEnumerable<Levels> levels, int year, Func<Levels, Ratio> pick) =>
        levels.Where(l => l.Year == year).Select(pick).Aggregate(Ratio.Zero, (a, b) => a + b);
}
