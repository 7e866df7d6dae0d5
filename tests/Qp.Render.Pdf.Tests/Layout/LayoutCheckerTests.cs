using Qp.Render.Pdf.Components;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Qp.Render.Pdf.Tests.Layout;

/// <summary>The checker itself: it finds each kind of fault on a page made to have it, and nothing on a clean page.</summary>
public sealed class LayoutCheckerTests
{
    private static byte[] Page(Action<SKCanvas> draw)
    {
        using var ms = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(ms)!)
        {
            draw(doc.BeginPage(PageFrame.Width, PageFrame.Height));
            doc.EndPage();
            doc.Close();
        }
        return ms.ToArray();
    }

    private static IReadOnlyList<string> Kinds(Action<SKCanvas> draw) => LayoutChecker.CheckPdf("test", Page(draw)).Select(p => p.Kind).ToList();

    [Fact]
    public void A_clean_page_has_no_problems() => Kinds(c =>
    {
        Ink.Paragraph(c, string.Join(' ', Enumerable.Repeat("Wrapped lines of a paragraph never overlap.", 8)), 60, 100, 300, TextStyle.Body);
        using var p = new SKPaint { Color = SKColors.Gray, IsStroke = true };
        c.DrawRect(100, 300, 200, 20, p);
        Ink.Text(c, "Fits in its box", 104, 314, TextStyle.Small);
    }).Should().BeEmpty();

    [Fact]
    public void Text_past_the_right_margin_is_found() =>
        Kinds(c => Ink.Text(c, "Runs off the page", 500, 100, TextStyle.Heading)).Should().Equal(LayoutProblem.OutsideMargins);

    [Fact]
    public void Two_lines_drawn_over_each_other_are_found() => Kinds(c =>
    {
        Ink.Text(c, "Quality Protects performance | Bournemouth", 60, 200, TextStyle.Small);
        Ink.Text(c, "B7 Children looked after", 180, 202, TextStyle.SmallBold);
    }).Should().Equal(LayoutProblem.Overlap);

    [Fact]
    public void Text_running_out_of_its_box_is_found() => Kinds(c =>
    {
        using var p = new SKPaint { Color = SKColors.Gray, IsStroke = true };
        c.DrawRect(100, 300, 60, 20, p);
        Ink.Text(c, "Bournemouth, Christchurch and Poole", 104, 314, TextStyle.Small);
    }).Should().Equal(LayoutProblem.Cut);

    [Fact]
    public void Keys_and_marks_that_disagree_and_text_cut_short_are_reported_by_the_renderer()
    {
        var checker = new LayoutChecker();
        LayoutLog.Begin(checker.Observer, "test", 3);
        try
        {
            // The D78 fault: amber bars with a key of Met / Not met; and a Target key entry with no line.
            LayoutLog.Chart("ranked", [new KeyItem("Met", Palette.Met), new KeyItem("Target", Palette.Target)], [Palette.Met, Palette.NotYetDue]);
            Ink.Fit("Bournemouth, Christchurch and Poole", 30, TextStyle.Small, maxLines: 1);
        }
        finally { LayoutLog.End(); }
        checker.Drawn.Select(p => p.Kind).Should().BeEquivalentTo(
            [LayoutProblem.KeyWithoutMark, LayoutProblem.MarkWithoutKey, LayoutProblem.Cut]);
        checker.Drawn.Should().OnlyContain(p => p.Page == 3);
    }

    [Fact]
    public void Fit_shrinks_then_wraps_before_it_cuts()
    {
        var (one, small) = Ink.Fit("Bournemouth, Christchurch and Poole", 130, TextStyle.Small, maxLines: 3, minSize: 7f);
        one.Should().Equal("Bournemouth, Christchurch and Poole");
        small.Size.Should().BeLessThan(TextStyle.Small.Size).And.BeGreaterThanOrEqualTo(7f);
        var (three, _) = Ink.Fit("Bournemouth, Christchurch and Poole", 83, TextStyle.Small, maxLines: 3, minSize: 7f);
        string.Join(" ", three).Should().Be("Bournemouth, Christchurch and Poole");
        three.Count.Should().BeGreaterThan(1);
    }

    [Fact]
    public void A_zero_bar_is_drawn_as_a_visible_stub()
    {
        var pdf = Page(c => RankedChart.Draw(c, new SKRect(50, 100, 350, 300),
            [new RankedBar(1, 0, Palette.Others), new RankedBar(2, 10, Palette.Others), new RankedBar(3, 20, Palette.Others)], null, null, null, null));
        using var doc = PdfDocument.Open(pdf);
        var bars = doc.GetPage(1).Paths
            .Where(p => p.IsFilled && p.FillColor?.ToRGBValues() is var (r, g, b) && Math.Abs(r - 0xA9 / 255.0) < 0.01 && Math.Abs(g - 0xB4 / 255.0) < 0.01 && Math.Abs(b - 0xC2 / 255.0) < 0.01)
            .Select(p => p.GetBoundingRectangle()!.Value.Height).Order().ToList();
        bars.Should().HaveCount(3);
        // The axis runs 0–25 over about 170 pt: 10% is about 70 pt; the 0% stub is 1.5% of the axis, a couple of points.
        bars[0].Should().BeGreaterThan(1.5).And.BeLessThan(5);
        bars[1].Should().BeGreaterThan(50);
    }

    [Fact]
    public void A_label_box_over_a_bar_or_a_reference_line_is_a_hidden_mark()
    {
        // Box 10–60 × 10–21 pt. Bar 1 ends left of it, bar 2 rises into it, bar 3 stops below it; the England line at 18 passes under it.
        var box = new SKRect(10, 10, 60, 21);
        RankedChart.Hidden(box, [(1, new SKRect(0, 15, 8, 100)), (2, new SKRect(12, 5, 20, 100)), (3, new SKRect(30, 25, 38, 100))],
                [("England line", 18f), ("target line", 40f)])
            .Should().Equal("bar of 2", "England line");
    }
}
