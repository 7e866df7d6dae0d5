using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>One page's content: the frame draws the header and footer, the page draws inside the content area.</summary>
internal interface IPage
{
    /// <summary>The section name shown in the running header, e.g. "Summary".</summary>
    string Section { get; }

    /// <summary>Draws the page's content inside <paramref name="area"/>.</summary>
    void Draw(SKCanvas canvas, SKRect area);
}

/// <summary>The A4 page frame: running header (pack title, section), footer (date produced, marking, "Page n of m").</summary>
/// <param name="PackTitle">Left of the running header, e.g. "Hartlepool · 2000-01".</param>
/// <param name="FooterNote">Left of the footer, e.g. "Produced 23 November 2026 · Published edition".</param>
/// <param name="Banner">Drawn above the header on every page when set: the synthetic-data notice.</param>
internal sealed record PageFrame(string PackTitle, string FooterNote, string? Banner = null)
{
    public const float Width = 595f, Height = 842f, Margin = 48f;

    /// <summary>Where page content goes.</summary>
    public static SKRect Content => new(Margin, 62f, Width - Margin, Height - 54f);

    public void Draw(SKCanvas c, string section, int pageNumber, int pageCount)
    {
        // Long authority names and indicator titles share one line: drop the series name first, then shrink both to fit.
        const float gap = 14f, available = Width - 2 * Margin;
        var left = "Quality Protects performance  |  " + PackTitle;
        TextStyle leftStyle = TextStyle.Small, rightStyle = TextStyle.SmallBold.In(Palette.Navy);
        if (Ink.Width(left, leftStyle) + Ink.Width(section, rightStyle) + gap > available) left = PackTitle;
        float sectionWidth = Math.Min(Ink.Width(section, rightStyle), available * 0.6f);
        var (sectionLines, sectionStyle) = Ink.Fit(section, sectionWidth, rightStyle);
        var (leftLines, leftFitted) = Ink.Fit(left, available - Ink.Width(sectionLines[0], sectionStyle) - gap, leftStyle);
        Ink.Text(c, leftLines[0], Margin, 34f, leftFitted);
        Ink.Text(c, sectionLines[0], Width - Margin, 34f, sectionStyle, SKTextAlign.Right);
        Ink.Line(c, Margin, 41f, Width - Margin, 41f, Palette.Navy, 0.8f);
        if (Banner is not null)
        {
            var (bannerLines, bannerStyle) = Ink.Fit(Banner, available, TextStyle.SmallBold.In(Palette.NotMet));
            // Under the header rule, above the content (which starts at 62 pt).
            Ink.Text(c, bannerLines[0], Width / 2, 53f, bannerStyle, SKTextAlign.Center);
        }

        Ink.Line(c, Margin, Height - 40f, Width - Margin, Height - 40f, Palette.Rule);
        Ink.Text(c, FooterNote, Margin, Height - 28f, TextStyle.Small);
        Ink.Text(c, $"Page {pageNumber} of {pageCount}", Width - Margin, Height - 28f, TextStyle.Small, SKTextAlign.Right);
    }
}
