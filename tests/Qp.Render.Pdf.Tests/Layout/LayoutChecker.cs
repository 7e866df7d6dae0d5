using System.Collections.Concurrent;
using Qp.Render.Pdf.Components;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Qp.Render.Pdf.Tests.Layout;

/// <summary>One layout fault: its kind, where it is, and what was found.</summary>
public sealed record LayoutProblem(string Kind, string Pack, int Page, string Detail)
{
    public const string OutsideMargins = "glyph outside the margins";
    public const string Overlap = "text lines overlap";
    public const string Cut = "text cut by its box";
    public const string KeyWithoutMark = "key entry with no mark";
    public const string MarkWithoutKey = "mark colour with no key entry";
    public const string HiddenMark = "chart mark hidden by a label";

    public override string ToString() => $"{Pack} p{Page}: {Kind}: {Detail}";
}

/// <summary>
/// Reads a rendered pack back with PdfPig and reports glyphs outside the page margins, text lines that overlap and text that
/// runs out of the box it starts in; with <see cref="Observer"/> attached to the render it also checks every chart key against
/// the colours the chart drew, and text the renderer had to cut.
/// </summary>
public sealed class LayoutChecker
{
    // The frame's margins: 48 pt left and right; the running header's letters start below 20 pt and the footer's end above 822 pt.
    private const double Left = PageFrame.Margin, Right = PageFrame.Width - PageFrame.Margin, Top = 20, Bottom = PageFrame.Height - 20;
    private const double Slack = 0.5;

    private readonly ConcurrentBag<LayoutProblem> drawn = [];

    /// <summary>Attach to <see cref="PackOptions"/> so the renderer reports chart keys, marks and cut text.</summary>
    internal ILayoutObserver Observer => new Listener(drawn);

    /// <summary>Problems the renderer reported while drawing (keys and marks, cut text).</summary>
    public IReadOnlyList<LayoutProblem> Drawn => drawn.ToList();

    /// <summary>Every geometric problem on every page of <paramref name="pdf"/>.</summary>
    public static IReadOnlyList<LayoutProblem> CheckPdf(string pack, byte[] pdf)
    {
        var problems = new List<LayoutProblem>();
        using var doc = PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            double h = page.Height;
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            foreach (var l in letters)
            {
                var g = l.BoundingBox;
                // PDF y runs upwards; the frame's Top and Bottom are measured from the top edge.
                if (g.Left < Left - Slack || g.Right > Right + Slack || h - g.Top < Top - Slack || h - g.Bottom > Bottom + Slack)
                {
                    problems.Add(new(LayoutProblem.OutsideMargins, pack, page.Number, $"'{l.Value}' of \"{RunOf(page, l)}\" at x {g.Left:0.0}–{g.Right:0.0}, y {h - g.Top:0.0}"));
                    break;
                }
            }

            var runs = Runs(page.Letters);
            for (int i = 0; i < runs.Count; i++)
            for (int j = i + 1; j < runs.Count; j++)
            {
                var (a, b) = (runs[i], runs[j]);
                double w = Math.Min(a.Box.Right, b.Box.Right) - Math.Max(a.Box.Left, b.Box.Left);
                double v = Math.Min(a.Box.Top, b.Box.Top) - Math.Max(a.Box.Bottom, b.Box.Bottom);
                if (w > 1 && v > 1)
                    problems.Add(new(LayoutProblem.Overlap, pack, page.Number, $"\"{a.Text}\" and \"{b.Text}\""));
            }

            // Boxes text is set in: drawn rectangles big enough to hold a line (tiles, bands, reading boxes), not bars or key swatches.
            var boxes = page.Paths.Where(p => !p.IsClipping && (p.IsFilled || p.IsStroked))
                .Select(p => p.GetBoundingRectangle()).OfType<PdfRectangle>()
                .Where(r => r.Width > 20 && r.Height > 10 && r.Width < page.Width - 1).ToList();
            foreach (var run in runs.Where(r => r.Horizontal))
            {
                var start = new PdfPoint(run.Box.Left + 0.5, (run.Box.Bottom + run.Box.Top) / 2);
                var box = boxes.Where(b => b.Left <= start.X && start.X <= b.Right && b.Bottom <= start.Y && start.Y <= b.Top)
                    .OrderBy(b => b.Area).Cast<PdfRectangle?>().FirstOrDefault();
                if (box is { } bx && (run.Box.Right > bx.Right + Slack || run.Box.Bottom < bx.Bottom - Slack || run.Box.Top > bx.Top + Slack))
                    problems.Add(new(LayoutProblem.Cut, pack, page.Number, $"\"{run.Text}\" runs out of its box ({run.Box.Right - bx.Right:0.0} pt past the right)"));
            }
        }
        return problems;
    }

    /// <summary>A line of text: letters drawn one after another on one baseline at one size.</summary>
    private sealed record Run(string Text, PdfRectangle Box, bool Horizontal);

    private static List<Run> Runs(IReadOnlyList<Letter> letters)
    {
        var runs = new List<Run>();
        var current = new List<Letter>();
        void Flush()
        {
            var shown = current.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            if (shown.Count > 0)
            {
                bool horizontal = shown[0].TextOrientation == TextOrientation.Horizontal;
                double size = shown[0].PointSize, baseline = shown[0].StartBaseLine.Y;
                // The line box from the baseline (Noto Sans: ascender 0.72 em above, descender 0.22 em below), not the glyphs,
                // so "aa" and "Ag" lines occupy the same height; rotated text keeps its glyph box.
                var box = horizontal
                    ? new PdfRectangle(shown.Min(l => l.BoundingBox.Left), baseline - 0.22 * size, shown.Max(l => l.BoundingBox.Right), baseline + 0.72 * size)
                    : new PdfRectangle(shown.Min(l => l.BoundingBox.Left), shown.Min(l => l.BoundingBox.Bottom), shown.Max(l => l.BoundingBox.Right), shown.Max(l => l.BoundingBox.Top));
                runs.Add(new Run(string.Concat(current.Select(l => l.Value)).Trim(), box, horizontal));
            }
            current.Clear();
        }
        foreach (var l in letters)
        {
            if (current.Count > 0)
            {
                var prev = current[^1];
                bool same = Math.Abs(prev.StartBaseLine.Y - l.StartBaseLine.Y) < 0.05 && Math.Abs(prev.PointSize - l.PointSize) < 0.05
                            && l.TextOrientation == prev.TextOrientation
                            && l.StartBaseLine.X >= prev.StartBaseLine.X - 0.1 && l.StartBaseLine.X - prev.EndBaseLine.X < 0.6 * l.PointSize;
                if (!same) Flush();
            }
            current.Add(l);
        }
        Flush();
        return runs;
    }

    private static string RunOf(Page page, Letter letter) =>
        Runs(page.Letters).FirstOrDefault(r => r.Box.Left <= letter.BoundingBox.Left + 0.1 && letter.BoundingBox.Right <= r.Box.Right + 0.1
                                               && Math.Abs(letter.StartBaseLine.Y - (r.Box.Bottom + 0.22 * letter.PointSize)) < 0.5)?.Text ?? letter.Value;

    private sealed class Listener(ConcurrentBag<LayoutProblem> problems) : ILayoutObserver
    {
        public void Chart(string pack, int page, string chart, IReadOnlyCollection<SKColor> key, IReadOnlyCollection<SKColor> marks)
        {
            foreach (var k in key.Except(marks))
                problems.Add(new(LayoutProblem.KeyWithoutMark, pack, page, $"{chart}: key colour {k} is used by no mark"));
            foreach (var m in marks.Except(key))
                problems.Add(new(LayoutProblem.MarkWithoutKey, pack, page, $"{chart}: marks drawn in {m} have no key entry"));
        }

        public void HiddenMarks(string pack, int page, string chart, IReadOnlyList<string> marks)
        {
            foreach (var m in marks) problems.Add(new(LayoutProblem.HiddenMark, pack, page, $"{chart}: the {m} is under the label"));
        }

        public void TextCut(string pack, int page, string text, string shown) =>
            problems.Add(new(LayoutProblem.Cut, pack, page, $"\"{text}\" shown as \"{shown}\""));
    }
}
