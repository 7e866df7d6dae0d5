using Qp.Render.Pdf.Tests.Fixtures;
using Xunit.Abstractions;

namespace Qp.Render.Pdf.Tests.Layout;

/// <summary>The layout checker on every page of every authority's pack and of the national overview, from a sample England year.</summary>
public sealed class LayoutTests(SampleEnglandStore store, ITestOutputHelper output) : IClassFixture<SampleEnglandStore>
{
    [Fact]
    public void Every_page_of_every_pack_and_the_national_overview_is_laid_out_cleanly()
    {
        var checker = new LayoutChecker();
        var problems = new List<LayoutProblem>();
        foreach (bool publish in new[] { true, false })
        {
            var options = new PackOptions(SampleEnglandStore.Year, publish, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)) { Observer = checker.Observer };
            using (var ms = new MemoryStream())
            {
                PdfPacks.WriteNationalPack(store.Data, options, ms);
                problems.AddRange(LayoutChecker.CheckPdf($"national{(publish ? " published" : "")}", ms.ToArray()));
                Keep($"national{(publish ? "-published" : "")}.pdf", ms.ToArray());
            }
            var dir = Path.Combine(store.Folder, publish ? "packs-published" : "packs");
            Directory.CreateDirectory(dir);
            var files = PdfPacks.WriteAllAuthorityPacks(store.Data, options, dir);
            files.Should().HaveCount(153);
            var found = files.AsParallel().SelectMany(f => LayoutChecker.CheckPdf(Path.GetFileNameWithoutExtension(f) + (publish ? " published" : ""), File.ReadAllBytes(f))).ToList();
            problems.AddRange(found);
            foreach (var f in files.Where(f => Path.GetFileName(f).StartsWith("839_", StringComparison.Ordinal)))
                Keep(Path.GetFileNameWithoutExtension(f) + (publish ? "-published" : "") + ".pdf", File.ReadAllBytes(f));
        }
        problems.AddRange(checker.Drawn);

        foreach (var kind in problems.GroupBy(p => p.Kind).OrderBy(g => g.Key))
            output.WriteLine($"{kind.Key}: {kind.Count()} on {kind.Select(p => (p.Pack, p.Page)).Distinct().Count()} pages in {kind.Select(p => p.Pack).Distinct().Count()} packs");
        foreach (var p in problems.GroupBy(p => (p.Kind, Shape(p.Detail))).Select(g => g.First()).Take(60)) output.WriteLine(p.ToString());
        problems.Should().BeEmpty();
    }

    // QP_LAYOUT_OUT=DIR keeps the national overview and the pack with the longest name, to look at them.
    private static void Keep(string name, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("QP_LAYOUT_OUT") is { Length: > 0 } dir) File.WriteAllBytes(Path.Combine(dir, name), pdf);
    }

    // Groups the same fault on different packs (names and figures differ) for a short log.
    private static string Shape(string detail) => new(detail.Where(ch => !char.IsDigit(ch)).Take(40).ToArray());
}
