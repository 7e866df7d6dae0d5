using Qp.Claims;
using Qp.Import.Reference;
using Qp.Store;
using Qp.Tests.Shared;

namespace Qp.Cli.Tests.Claims;

/// <summary>One small sample edition made by qp run at real cohort sizes: Hartlepool and Middlesbrough (small unitaries, each other's neighbours) and the City of London, 2000-01 and 2001-02.</summary>
public sealed class SmallEdition : IDisposable
{
    private readonly TempDir _tmp = new();

    public SmallEdition()
    {
        var run = QpRunner.Run("run", "--sample", "--out", _tmp.Path, "--years", "2001-2002", "--la", "805,806,201");
        if (run.ExitCode != 0) throw new InvalidOperationException(run.Error);
        Data = ClaimsCheckerTests.Load(_tmp.File("qp.db"));
        Files = ClaimsCheckerTests.Outputs(_tmp.Path);
    }

    public ReportData Data { get; }

    public IReadOnlyList<string> Files { get; }

    public string File(string name) => _tmp.File(name);

    public void Dispose() => _tmp.Dispose();
}

/// <summary>
/// The claims checker over a whole sample edition: every pack, the national overview and both workbooks read back and each
/// generated statement checked against the store. Small in the default run; England-scale (153 packs) with QP_LONG_TESTS=1.
/// </summary>
public sealed class ClaimsCheckerTests(SmallEdition edition) : IClassFixture<SmallEdition>
{
    internal static ReportData Load(string db)
    {
        using var conn = QpDatabase.Open(db);
        return ReportData.Load(conn, IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder));
    }

    internal static IReadOnlyList<string> Outputs(string dir) =>
        Directory.GetFiles(Path.Combine(dir, "packs"), "*.pdf").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(dir, "national-*.pdf")).Concat(Directory.GetFiles(dir, "*.xlsx")).ToList();

    [Fact]
    public void Every_statement_of_a_small_sample_edition_is_true_and_every_page_says_synthetic()
    {
        edition.Data.Synthetic.Should().BeTrue("qp sample's returns mark the store as synthetic");
        var report = Qp.Cli.Commands.ClaimsCommand.Check(edition.Data, 2002, edition.Files);
        report.Failures.Take(10).Should().BeEmpty();
        var counts = report.Counts;
        // Every page of the three packs and the national overview, and the 11 sheets of each workbook, were read.
        int pages = edition.Files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)).Sum(f => ClaimsChecker.ReadPdf(f).Count);
        pages.Should().BeGreaterThanOrEqualTo(4 * 13);
        counts[ClaimKind.Synthetic].Should().Be((pages + 2 * 11, 0));
        // A1, A2 and A3 all have targets due in 2001-02: each pack's tile and the national overview's sentences.
        counts[ClaimKind.Target].Checked.Should().BeGreaterThanOrEqualTo(3 + 2);
        counts[ClaimKind.StatusCell].Checked.Should().BeGreaterThan(0);
        counts[ClaimKind.PrintArea].Checked.Should().BeGreaterThan(0);
        counts[ClaimKind.England].Checked.Should().BeGreaterThan(0);
        counts[ClaimKind.Average].Checked.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Outputs_of_synthetic_data_that_do_not_say_so_are_caught()
    {
        // Hartlepool's pack rendered as if the store were not synthetic, checked against the store that is.
        var pack = edition.File("805_unmarked.pdf");
        Qp.Render.Pdf.PdfPacks.WriteAtomically(pack, s => Qp.Render.Pdf.PdfPacks.WriteAuthorityPack(edition.Data with { Synthetic = false }, 805,
            new Qp.Render.Pdf.PackOptions(2002, Publish: true, DateTimeOffset.UnixEpoch), s));
        var report = Qp.Cli.Commands.ClaimsCommand.Check(edition.Data, 2002, [pack]);
        var pages = ClaimsChecker.ReadPdf(pack).Count;
        report.Counts[ClaimKind.Synthetic].Should().Be((pages, pages));
    }

    [LongFact]
    public void Every_statement_of_an_england_scale_sample_edition_is_true()
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("run", "--sample", "--out", tmp.Path, "--years", "2019-2023");
        run.ExitCode.Should().Be(0, run.Error);
        var files = Outputs(tmp.Path);
        var report = Qp.Cli.Commands.ClaimsCommand.Check(Load(tmp.File("qp.db")), 2023, files);
        files.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)).Should().Be(154);
        report.Failures.Take(10).Should().BeEmpty();
    }
}
