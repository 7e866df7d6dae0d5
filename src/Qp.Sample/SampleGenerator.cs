using System.Globalization;
using System.Text;
using Qp.Domain.Authorities;

namespace Qp.Sample;

/// <summary>What to generate.</summary>
/// <param name="Years">Collection years to write child-level returns for.</param>
/// <param name="Scale">Small (about a tenth of England) or England volumes.</param>
/// <param name="Seed">Same seed, same bytes.</param>
/// <param name="AggregateYears">Years for the A1 aggregate file (default 1995–1997); empty for none.</param>
/// <param name="Shape">Whether a return holds only the episodes open in its year (real) or the whole period of care (whole).</param>
public sealed record SampleOptions(IReadOnlyList<int> Years, SampleScale Scale = SampleScale.Small, ulong Seed = 1, IReadOnlyList<int>? AggregateYears = null,
    SampleShape Shape = SampleShape.Real)
{
    /// <summary>The aggregate years used when none are given: the three years the 16% A1 target was derived from.</summary>
    public static readonly IReadOnlyList<int> DefaultAggregateYears = [1995, 1996, 1997];
}

/// <summary>Which episodes a year's return holds.</summary>
public enum SampleShape
{
    /// <summary>Each child's whole period of care up to the year end, back to the RNE S episode that began it.</summary>
    Whole,
    /// <summary>The DfE's shape: only the episodes open at some time during the collection year.</summary>
    Real,
}

/// <summary>What was written.</summary>
/// <param name="Counts">Rows per table and files.</param>
/// <param name="Bytes">Total bytes written.</param>
/// <param name="AggregateFile">The aggregate file written, if any.</param>
public sealed record SampleResult(SampleCounts Counts, long Bytes, string? AggregateFile);

/// <summary>
/// Generates deterministic synthetic SSDA903 returns: for every authority and year a folder
/// OUT/&lt;la&gt;_&lt;year&gt;/ with the tables of that year (QP era: Header, Episodes, OC1, OC2, CPR; later the
/// DfE's tables, see <see cref="ReturnWriter.TablesOf"/>), plus an A1 aggregate file
/// for earlier years. Each authority is simulated from its own seeded stream, so authorities can run in
/// parallel and the output never depends on their order.
/// </summary>
public static class SampleGenerator
{
    /// <summary>The earliest collection year that can be generated (the simulation starts in 1975).</summary>
    public const int FirstYear = 1990;

    /// <summary>The latest collection year that can be generated.</summary>
    public const int LastYear = 2030;

    /// <summary>The aggregate file's columns (QP aggregate layout).</summary>
    public const string AggregateColumns = "la_code,year,indicator,numerator,denominator";

    /// <summary>The file qp sample writes at the top of its output folder, by which <see cref="IsSample"/> knows its returns.</summary>
    public const string MarkerFile = "SYNTHETIC-SAMPLE.txt";

    /// <summary>Whether <paramref name="path"/> (a file or folder) lies in a folder written by qp sample: the marker file is in it or up to two folders above.</summary>
    public static bool IsSample(string path)
    {
        var dir = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path));
        for (int up = 0; up <= 2 && dir is not null; up++, dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, MarkerFile))) return true;
        return false;
    }

    /// <summary>Writes the returns into <paramref name="outDir"/>; <paramref name="authorityDone"/> is called after each authority (from any thread).</summary>
    public static SampleResult Generate(string outDir, IReadOnlyList<Authority> authorities, SampleOptions options, Action<Authority>? authorityDone = null)
    {
        var years = options.Years.Distinct().Order().ToArray();
        var aggregateYears = (options.AggregateYears ?? SampleOptions.DefaultAggregateYears).Distinct().Order().ToArray();
        foreach (int y in years.Concat(aggregateYears))
        {
            if (y is < FirstYear or > LastYear) throw new ArgumentOutOfRangeException(nameof(options), $"year {y} is outside {FirstYear}–{LastYear}");
        }
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, MarkerFile),
            "SYNTHETIC returns written by qp sample: not any authority's real data. qp import marks a store that imports them as synthetic,\n" +
            "and every pack page and workbook sheet made from that store says SYNTHETIC.\n");
        int lastDay = Days.End(years.Concat(aggregateYears).DefaultIfEmpty(FirstYear).Max());
        var perLa = new (SampleCounts Counts, string Aggregate)[authorities.Count];
        Parallel.For(0, authorities.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var la = AuthorityParameters.For(authorities[i], options.Seed, options.Scale);
            var sim = CareSimulation.Run(options.Seed, la, lastDay);
            var counts = new ReturnWriter(options.Seed, la, options.Shape).Write(outDir, sim, years);
            perLa[i] = (counts, AggregateRows(la, sim, aggregateYears));
            authorityDone?.Invoke(authorities[i]);
        });

        var total = new SampleCounts();
        foreach (var (c, _) in perLa) total.Add(c);
        string? aggregateFile = null;
        if (aggregateYears.Length > 0)
        {
            aggregateFile = Path.Combine(outDir, $"aggregate_{aggregateYears[0]}-{aggregateYears[^1]}.csv");
            using var w = new StreamWriter(aggregateFile, false, new UTF8Encoding(false)) { NewLine = "\n" };
            w.Write(AggregateColumns + "\n");
            foreach (int i in Enumerable.Range(0, authorities.Count).OrderBy(i => authorities[i].Code)) w.Write(perLa[i].Aggregate);
            total.Files++;
        }
        long bytes = years.SelectMany(y => authorities.Select(a => Path.Combine(outDir, $"{a.Code}_{y}")))
            .SelectMany(Directory.EnumerateFiles).Sum(f => new FileInfo(f).Length)
            + (aggregateFile is null ? 0 : new FileInfo(aggregateFile).Length);
        return new SampleResult(total, bytes, aggregateFile);
    }

    /// <summary>
    /// A1 rows for years before child-level data: the denominator is the simulated number looked after at 31 March and
    /// the numerator the authority's expected A1 level of it (no sampling noise, as the published aggregate figures were
    /// what the 16% target was set from).
    /// </summary>
    private static string AggregateRows(AuthorityParameters la, CareSimulation sim, int[] years)
    {
        var sb = new StringBuilder();
        foreach (int year in years)
        {
            int end = Days.End(year);
            int lookedAfter = sim.Children.Count(c => c.Episodes.Any(e => !e.IsShortBreak && e.Decom <= end && e.Dec > end));
            int numerator = (int)Math.Round(la.A1Target(year) * lookedAfter, MidpointRounding.AwayFromZero);
            sb.Append(CultureInfo.InvariantCulture, $"{la.LaCode},{year},A1,{numerator},{lookedAfter}\n");
        }
        return sb.ToString();
    }
}
