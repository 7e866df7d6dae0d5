using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>What a pack drew that the PDF alone cannot tell apart: each chart's key beside the colours its marks use, and text a box could not hold.</summary>
internal interface ILayoutObserver
{
    /// <summary>A chart on page <paramref name="page"/> of <paramref name="pack"/>: the colours its key lists and the colours its drawn marks use.</summary>
    void Chart(string pack, int page, string chart, IReadOnlyCollection<SKColor> key, IReadOnlyCollection<SKColor> marks);

    /// <summary>Text that did not fit its box even at the smallest allowed size, and what was shown instead.</summary>
    void TextCut(string pack, int page, string text, string shown);

    /// <summary>Marks of a chart (bars, points, reference lines) that a label or another element covers; empty when every mark is visible.</summary>
    void HiddenMarks(string pack, int page, string chart, IReadOnlyList<string> marks);
}

/// <summary>The page being drawn on this thread, for the observer; a pack draws its pages one after another on one thread.</summary>
internal static class LayoutLog
{
    [ThreadStatic] private static (ILayoutObserver Observer, string Pack, int Page)? current;

    public static void Begin(ILayoutObserver? observer, string pack, int page) => current = observer is null ? null : (observer, pack, page);

    public static void End() => current = null;

    public static void Chart(string chart, IEnumerable<KeyItem> key, IEnumerable<SKColor> marks)
    {
        if (current is { } c) c.Observer.Chart(c.Pack, c.Page, chart, key.Select(k => k.Colour).Distinct().ToList(), marks.Distinct().ToList());
    }

    public static void HiddenMarks(string chart, IReadOnlyList<string> marks)
    {
        if (current is { } c) c.Observer.HiddenMarks(c.Pack, c.Page, chart, marks);
    }

    public static void TextCut(string text, string shown)
    {
        if (current is { } c) c.Observer.TextCut(c.Pack, c.Page, text, shown);
    }
}
