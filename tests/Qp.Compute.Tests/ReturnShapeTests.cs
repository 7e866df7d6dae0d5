using System.Globalization;
using Dapper;
using Qp.Domain;
using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Validation;
using Qp.Import.ChildLevel;
using Qp.Import.Reference;
using Qp.Sample;
using Qp.Store;
using Qp.Tests.Shared;

namespace Qp.Compute.Tests;

/// <summary>
/// The same children, imported as whole-period returns (what <c>qp sample</c> writes: every episode back to the RNE S that
/// began the period) and as the DfE's real shape (only the episodes open during the year), give the same stored figures.
/// </summary>
public sealed class ReturnShapeTests : IDisposable
{
    private static readonly int[] Years = [2004, 2005, 2006, 2007, 2008];
    private static readonly Authority[] Authorities =
        [new(805, "E06000001", "Hartlepool", "North East", "Unitary"), new(202, "E09000007", "Camden", "London", "London")];

    private readonly string dir = Directory.CreateTempSubdirectory("qp-shape-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>
    /// Trims a whole-period return to the real shape: the episodes open during the year, i.e. DEC blank or on or after
    /// 1 April Y−1 (the DfE's reading: an episode that ceased on 1 April was open that day). Trimmed at DEC after 1 April
    /// instead, a child whose episode ceased on 1 April would begin the return with a non-S episode on 1 April, which the
    /// DfE's rule 357 (and E221) rejects.
    /// </summary>
    private static int TrimToRealShape(string folder, int year)
    {
        var path = Path.Combine(folder, "Episodes.csv");
        var lines = File.ReadAllLines(path);
        int dec = lines[0].Split(',').ToList().IndexOf("DEC");
        var start = CollectionYear.Start(year);
        var kept = lines.Skip(1).Where(l => l.Split(',')[dec] is var d && (d.Length == 0 || DateOnly.ParseExact(d, "dd/MM/yyyy", CultureInfo.InvariantCulture) >= start)).ToList();
        File.WriteAllLines(path, [lines[0], .. kept]);
        return lines.Length - 1 - kept.Count;
    }

    private string Generate()
    {
        var whole = Path.Combine(dir, "whole");
        SampleGenerator.Generate(whole, Authorities, new SampleOptions(Years, SampleScale.Small, Seed: 7, AggregateYears: [], Shape: SampleShape.Whole));
        return whole;
    }

    // A copy of the whole-period returns trimmed to the real shape, except the years in `keepWhole` (earliest stored history).
    private string RealShapeCopy(string whole, string name, params int[] keepWhole)
    {
        var real = Path.Combine(dir, name);
        int trimmed = 0;
        foreach (var src in Directory.GetDirectories(whole))
        {
            var dst = Path.Combine(real, Path.GetFileName(src));
            Directory.CreateDirectory(dst);
            foreach (var f in Directory.GetFiles(src)) File.Copy(f, Path.Combine(dst, Path.GetFileName(f)));
            int year = int.Parse(Path.GetFileName(src)[4..], CultureInfo.InvariantCulture);
            if (!keepWhole.Contains(year)) trimmed += TrimToRealShape(dst, year);
        }
        trimmed.Should().BeGreaterThan(100, "the real shape must really drop history for this test to mean anything");
        return real;
    }

    // Imports every return (each must be accepted: the real shape is valid) and computes; returns the store.
    private static TestStore ImportAndCompute(string folder)
    {
        var store = new TestStore();
        store.Authorities(Authorities);
        foreach (var s in Submission.Find(folder))
        {
            var la = int.Parse(s.Name[..3], CultureInfo.InvariantCulture);
            var year = int.Parse(s.Name[4..], CultureInfo.InvariantCulture);
            var result = ChildLevelImporter.Import(store.Conn, s, la, year, new DateOnly(2025, 6, 1));
            result.Report.Messages.Where(m => m.Severity == Severity.Error).Should().BeEmpty("{0} must be accepted", s.Name);
        }
        var catalogue = IndicatorCatalogueFile.ReadFolder(Path.Combine(RealData.RepoRoot, "templates", "indicators"));
        new IndicatorEngine(catalogue, ChildLevelIndicators.All).Run(store.Conn);
        return store;
    }

    private static IEnumerable<object> Figures(TestStore s, Func<string, bool>? indicator = null) =>
        ResultsStore.All(s.Conn).Where(r => indicator?.Invoke(r.Indicator) ?? true)
            .OrderBy(r => r.Indicator).ThenBy(r => r.Year).ThenBy(r => r.LaCode).Select(r => (object)r);

    private static IEnumerable<string> ComputeWarnings(TestStore s) =>
        MessagesStore.Current(s.Conn).Where(m => m.Message.Code.StartsWith(IndicatorEngine.MessagePrefix, StringComparison.Ordinal))
            .Select(m => $"{m.LaCode} {m.Year} {m.Message.Code} {m.Message.Message}").Order(StringComparer.Ordinal);

    [Fact]
    public void Five_years_give_the_same_stored_results_in_the_whole_period_and_the_real_shape()
    {
        var whole = Generate();
        // The earliest stored year keeps its earlier episodes (history for the years after it); every later year is real-shape.
        var real = RealShapeCopy(whole, "real", keepWhole: Years[0]);
        using var a = ImportAndCompute(whole);
        using var b = ImportAndCompute(real);

        a.Conn.ExecuteScalar<long>("SELECT COUNT(*) FROM episodes").Should().BeGreaterThan(b.Conn.ExecuteScalar<long>("SELECT COUNT(*) FROM episodes"));
        var expected = Figures(a).ToList();
        expected.Should().HaveCount(7 * Years.Length * Authorities.Length);
        Figures(b).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        ComputeWarnings(b).Should().Equal(ComputeWarnings(a));
        ComputeWarnings(b).Should().NotContain(w => w.Contains("incomplete history"));
    }

    [Fact]
    public void With_no_history_at_all_only_D78_changes_and_it_says_so_with_a_count()
    {
        var whole = Generate();
        var real = RealShapeCopy(whole, "real-only");
        using var a = ImportAndCompute(whole);
        using var b = ImportAndCompute(real);

        // A1, A2, A3, B7, C23 and HA need nothing before the year beyond its first episode (see README, How indicators are counted).
        Figures(b, i => i != "D78").Should().BeEquivalentTo(Figures(a, i => i != "D78"), o => o.WithStrictOrdering());

        // D78 in the first stored year rests on incomplete history: one counted warning per return, no identifier.
        var warnings = ComputeWarnings(b).Where(w => w.Contains("incomplete history")).ToList();
        // Known episodes begin before 1 April 2003, so from 2006 (2½ years: 30/09/2003; 2 years: 31/03/2004) D78 is settled without them.
        warnings.Where(w => w.Contains($" {Years[0]} CD78 ")).Should().NotBeEmpty();
        warnings.Select(w => w[..8]).Should().OnlyHaveUniqueItems("one warning per return");
        warnings.Should().OnlyContain(w => w.Contains($" {Years[0]} CD78 ") || w.Contains($" {Years[1]} CD78 "));
        warnings.Should().OnlyContain(w => System.Text.RegularExpressions.Regex.IsMatch(w,
            @"^\d{3} \d{4} CD78 \d+ child(ren)? looked after at 31 March ha(s|ve) (a )?periods? of care that begins? before the earliest stored return: D78 rests on incomplete history for them \(counted from the episodes stored\)$"));
        // Later years' counts agree with the whole-period store (their change and trend still differ, through the earlier years).
        static IEnumerable<(int, int, int?, int?)> D78Counts(TestStore s) => Figures(s, i => i == "D78").Cast<Domain.Results.IndicatorResult>()
            .Where(r => r.Year >= Years[2]).Select(r => (r.LaCode, r.Year, r.Numerator, r.Denominator));
        D78Counts(b).Should().Equal(D78Counts(a));
    }
}
