using System.Globalization;
using System.Text;
using Qp.Import.Reference;
using Qp.Sample;
using Qp.Store;
using Qp.Tests.Shared;
using Xunit.Abstractions;

namespace Qp.Cli.Tests.Disclosure;

/// <summary>
/// The attacker of issues 15 and 27: the whole pipeline, every published output of the edition (every year of the workbook's
/// Data sheet, the export, the EES file, the national overview and the packs) read back as a reader would, every recovery route
/// tried alone and together. Passes only when no hidden numerator is derivable exactly or narrowed to fewer than three candidate values.
/// </summary>
public sealed class AttackerTests(ITestOutputHelper output)
{
    /// <summary>Two regions: all twelve North East authorities and five of the East Midlands (a county, Rutland and three cities).</summary>
    private const string SeventeenAuthorities = "390,391,392,393,394,805,806,807,808,840,841,929,830,831,856,857,892";

    [LongFact]
    public void Sample_edition_gives_no_hidden_numerator_away() => SampleEdition("1998-2004", null);

    [Fact]
    public void Seventeen_authorities_over_five_years_give_no_hidden_numerator_away() => SampleEdition("2000-2004", SeventeenAuthorities);

    private void SampleEdition(string years, string? las)
    {
        using var dir = new TempDir();
        var outDir = dir.File("run");
        string[] only = las is null ? [] : ["--la", las];
        var run = QpRunner.Run(["run", "--sample", "--out", outDir, "--years", years, "--scale", "small", .. only]);
        run.ExitCode.Should().Be(0, run.Error);
        var db = Path.Combine(outDir, "qp.db");
        Publish(db, outDir, 2004, packs: false);
        Attack(db, outDir, 2004, Path.Combine(outDir, "qp-comparison-2004-published.xlsx"), Path.Combine(outDir, "packs"));
    }

    [Fact]
    public void Tiny_returns_edition_gives_no_hidden_numerator_away()
    {
        using var dir = new TempDir();
        var db = dir.File("qp.db");
        var authorities = AuthoritiesFile.Read(Templates.AuthoritiesCsv);
        var neighbours = dir.File("neighbours.csv");
        SyntheticNeighbours.Write(neighbours, authorities);
        var aggregate = dir.File("tiny.csv");
        File.WriteAllText(aggregate, TinyReturns(authorities.Select(a => a.Code).ToList()));
        foreach (var args in new[] { new[] { "import", "--db", db, neighbours }, ["import", "--db", db, aggregate], ["compute", "--db", db] })
        {
            var r = QpRunner.Run(args);
            r.ExitCode.Should().Be(0, r.Error + r.Out);
        }
        var workbook = dir.File("published.xlsx");
        QpRunner.Run("report", "excel", "--db", db, "--year", "2004", "--publish", "--out", workbook).ExitCode.Should().Be(0);
        QpRunner.Run("export", "--db", db, "--year", "2004", "--format", "ees", "--publish", "--out", dir.File("export-2004-ees.csv")).ExitCode.Should().Be(0);
        // The packs repeat the workbook's figures to one decimal; the sample edition's packs are read, here the workbook suffices.
        Publish(db, dir.Path, 2004, packs: false);
        Attack(db, dir.Path, 2004, workbook, null);
    }

    /// <summary>
    /// Hand-made aggregate returns for every authority, 1998–2004, built to force small cells: cohorts of 0 to 24, numerators
    /// mostly 0 to 8, so that most regions have one or two hidden members and many targets rest on a hidden baseline.
    /// </summary>
    private static string TinyReturns(IReadOnlyList<int> las)
    {
        var rng = new Random(15);
        var sb = new StringBuilder("la_code,year,indicator,numerator,denominator\n");
        foreach (var la in las)
            for (int year = 1998; year <= 2004; year++)
                foreach (var ind in IndicatorCatalogueFile.Order)
                {
                    int den = rng.Next(10) == 0 ? rng.Next(1, 10) : rng.Next(10, 25);
                    int num = Math.Min(den, rng.Next(3) == 0 ? rng.Next(1, 6) : rng.Next(0, 13));
                    sb.Append(CultureInfo.InvariantCulture, $"{la},{year},{ind},{num},{den}\n");
                }
        return sb.ToString();
    }

    private static void Publish(string db, string folder, int year, bool packs)
    {
        string y = year.ToString(CultureInfo.InvariantCulture);
        var steps = new List<string[]>
        {
            new[] { "report", "pdf", "--db", db, "--year", y, "--national", "--publish", "--out", Path.Combine(folder, "national-published.pdf") },
            new[] { "export", "--db", db, "--year", y, "--publish", "--out", Path.Combine(folder, "export-published.csv") },
        };
        if (packs) steps.Add(["report", "pdf", "--db", db, "--year", y, "--all", "--publish", "--out", Path.Combine(folder, "packs")]);
        foreach (var args in steps)
        {
            var r = QpRunner.Run(args);
            r.ExitCode.Should().Be(0, r.Error);
        }
    }

    private void Attack(string db, string folder, int year, string workbook, string? packs)
    {
        var published = PublishedOutputs.Read(workbook, Path.Combine(folder, "export-published.csv"), Path.Combine(folder, $"export-{year}-ees.csv"),
            Path.Combine(folder, "national-published.pdf"), packs);
        Dictionary<Key, int> truth, truthDen;
        Dictionary<int, Qp.Domain.Authorities.Authority> authorities;
        Dictionary<int, IReadOnlyList<int>> neighbours;
        var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
        using (var conn = QpDatabase.Open(db))
        {
            var stored = ResultsStore.All(conn).Where(r => r.Numerator is not null && r.Denominator is not null).ToList();
            truth = stored.ToDictionary(r => new Key(r.Indicator, r.Year, r.LaCode), r => r.Numerator!.Value);
            truthDen = stored.ToDictionary(r => new Key(r.Indicator, r.Year, r.LaCode), r => r.Denominator!.Value);
            ReportShare(ReportData.Load(conn, catalogue).ForEdition(publish: true));
            authorities = AuthorityStore.Authorities(conn).ToDictionary(a => a.Code);
            neighbours = AuthorityStore.Neighbours(conn).GroupBy(n => n.LaCode)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.OrderBy(n => n.Rank).Select(n => n.NeighbourCode).ToList());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var attacker = new Attacker(published, authorities, neighbours, catalogue, truth, truthDen, year);
        var results = attacker.Run();
        output.WriteLine($"{attacker.Hidden.Count} hidden numerators; {attacker.Constraints.Count} constraints from the published figures ({attacker.Dropped} hypotheses the true figures contradict were dropped)");
        foreach (var r in results)
        {
            output.WriteLine(r.ToString());
            foreach (var e in r.Examples) output.WriteLine("   " + e);
        }
        attacker.Hidden.Count.Should().BeGreaterThan(100, "the edition must hide enough cells for the attack to mean something");
        attacker.Hidden.Select(k => k.Year).Distinct().Count().Should().BeGreaterThan(4, "every year of the edition is attacked");
        var all = results[^1];
        all.Narrowed.Should().Be(0, string.Join("\n", results.Select(r => r + "\n   " + string.Join("\n   ", r.Examples))));
    }

    // The share of cells the edition withholds, for the closing note: authority figures (any part of indicator × year × authority)
    // and regional and England totals.
    private void ReportShare(ReportData data)
    {
        var e = data.Disclosure!;
        int figures = data.Results.Count(r => r.Denominator is not null || e.Of(r) != Qp.Domain.Disclosure.Withheld.None);
        int primary = data.Results.Count(r => e.Hides(r, Qp.Domain.Disclosure.Withheld.Percent));
        int any = data.Results.Count(r => e.Of(r) != Qp.Domain.Disclosure.Withheld.None);
        int totals = e.Regions.Count + data.National.Count;
        int totalsHidden = e.Regions.Count(t => t.Withheld) + data.National.Count(n => e.HidesEngland(n.Indicator, n.Year));
        int denominators = data.Results.Count(r => e.Hides(r, Qp.Domain.Disclosure.Withheld.Denominator));
        output.WriteLine(FormattableString.Invariant(
            $"suppressed: {any} of {figures} authority figures ({100.0 * any / figures:0.0}%; percentage hidden {primary}, {100.0 * primary / figures:0.0}%; denominator hidden {denominators}); {totalsHidden} of {totals} regional and England totals ({100.0 * totalsHidden / totals:0.0}%)"));
    }
}
