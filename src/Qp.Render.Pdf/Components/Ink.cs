using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>The pack's colours: a restrained navy house style; status colours always travel with a text label.</summary>
internal static class Palette
{
    public static readonly SKColor Navy = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Text = new(0x22, 0x22, 0x22);
    public static readonly SKColor Muted = new(0x5F, 0x66, 0x70);
    public static readonly SKColor Rule = new(0xC8, 0xCE, 0xD6);
    public static readonly SKColor Band = new(0xEE, 0xF2, 0xF7);
    public static readonly SKColor Highlight = new(0xD9, 0x6C, 0x00);
    public static readonly SKColor Others = new(0xA9, 0xB4, 0xC2);
    public static readonly SKColor England = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Neighbours = new(0x2E, 0x8B, 0x57);
    public static readonly SKColor Target = new(0xB0, 0x1E, 0x2E);
    public static readonly SKColor Met = new(0x1B, 0x7F, 0x3B);
    public static readonly SKColor NotMet = new(0xC0, 0x1F, 0x2F);
    public static readonly SKColor NotYetDue = new(0xE0, 0x9B, 0x00);
    public static readonly SKColor NoTarget = new(0x9A, 0xA3, 0xAD);

    public static ScottPlot.Color ForChart(SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}

/// <summary>A text style: typeface weight, size and colour.</summary>
internal sealed record TextStyle(float Size, bool IsBold = false, SKColor? Colour = null)
{
    public static readonly TextStyle Body = new(9.5f);
    public static readonly TextStyle Small = new(8f, Colour: Palette.Muted);
    public static readonly TextStyle SmallBold = new(8f, true);
    public static readonly TextStyle TableText = new(8.5f);
    public static readonly TextStyle TableBold = new(8.5f, true);
    public static readonly TextStyle TableHeader = new(8f, true, Palette.Navy);
    public static readonly TextStyle Heading = new(16f, true, Palette.Navy);
    public static readonly TextStyle Subheading = new(11f, true, Palette.Navy);

    public TextStyle Bold() => this with { IsBold = true };
    public TextStyle In(SKColor colour) => this with { Colour = colour };

    public float LineHeight => Size * 1.32f;
}

/// <summary>Draws and measures text in the embedded font; wraps paragraphs to a width.</summary>
internal static class Ink
{
    // SKFont is not thread-safe, so each thread (each pack being drawn) keeps its own, one per weight and size.
    [ThreadStatic] private static Dictionary<(bool, float), SKFont>? fonts;
    [ThreadStatic] private static Dictionary<SKColor, SKPaint>? paints;

    public static SKFont Font(TextStyle s)
    {
        fonts ??= [];
        if (!fonts.TryGetValue((s.IsBold, s.Size), out var f))
            fonts[(s.IsBold, s.Size)] = f = new SKFont(s.IsBold ? PackFonts.Bold : PackFonts.Regular, s.Size)
            {
                // Unhinted, linear metrics: PDF text is scaled freely, so pixel-rounded advances would space letters unevenly.
                Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true,
            };
        return f;
    }

    public static float Width(string text, TextStyle s) => Font(s).MeasureText(PackFonts.Clean(text));

    /// <summary>Draws one line with its baseline at <paramref name="y"/>.</summary>
    public static void Text(SKCanvas c, string text, float x, float y, TextStyle s, SKTextAlign align = SKTextAlign.Left)
    {
        var colour = s.Colour ?? Palette.Text;
        paints ??= [];
        if (!paints.TryGetValue(colour, out var p)) paints[colour] = p = new SKPaint { Color = colour, IsAntialias = true };
        c.DrawText(PackFonts.Clean(text), x, y, align, Font(s), p);
    }

    // Layout measures the same text many times (row heights, pagination, every pack's definitions): cache per thread.
    [ThreadStatic] private static Dictionary<(string, float, bool, float), IReadOnlyList<string>>? wrapped;

    /// <summary>Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Wrap(string text, float width, TextStyle s)
    {
        wrapped ??= [];
        var key = (text, width, s.IsBold, s.Size);
        if (wrapped.TryGetValue(key, out var lines)) return lines;
        if (wrapped.Count > 20_000) wrapped.Clear();
        return wrapped[key] = Break(text, width, s);
    }

    private static List<string> Break(string text, float width, TextStyle s)
    {
        var f = Font(s);
        float space = f.MeasureText(" ");
        var lines = new List<string>();
        foreach (var paragraph in PackFonts.Clean(text).Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            float used = 0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                float w = f.MeasureText(word);
                if (line.Length > 0 && used + space + w > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    used = 0;
                }
                if (line.Length > 0) { line.Append(' '); used += space; }
                line.Append(word);
                used += w;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Draws a wrapped paragraph whose first line's top is at <paramref name="top"/>; returns the height used.</summary>
    public static float Paragraph(SKCanvas c, string text, float x, float top, float width, TextStyle s)
    {
        var lines = Wrap(text, width, s);
        for (int i = 0; i < lines.Count; i++) Text(c, lines[i], x, top + s.Size + i * s.LineHeight, s);
        return lines.Count * s.LineHeight;
    }

    /// <summary>
    /// The largest size from <paramref name="s"/>'s down to <paramref name="minSize"/> at which <paramref name="text"/> fits
    /// <paramref name="width"/> in the fewest lines up to <paramref name="maxLines"/> (one line at any size beats two).
    /// Text that fits nowhere is ended with an ellipsis and reported to the layout log, never cut silently.
    /// </summary>
    public static (IReadOnlyList<string> Lines, TextStyle Style) Fit(string text, float width, TextStyle s, int maxLines = 1, float minSize = 6.5f)
    {
        for (int n = 1; n <= maxLines; n++)
        for (float size = s.Size; size >= minSize - 0.01f; size -= 0.5f)
        {
            var style = s with { Size = size };
            var lines = Wrap(text, width, style);
            if (lines.Count <= n && lines.All(l => Width(l, style) <= width)) return (lines, style);
        }
        var small = s with { Size = minSize };
        var kept = Wrap(text, width, small).Take(maxLines).ToList();
        while (kept[^1].Length > 1 && Width(kept[^1] + "…", small) > width) kept[^1] = kept[^1][..^1];
        kept[^1] += "…";
        LayoutLog.TextCut(text, string.Join(" ", kept));
        return (kept, small);
    }

    /// <summary>Draws fitted lines (see <see cref="Fit"/>) with the first line's top at <paramref name="top"/>; returns the height used.</summary>
    public static float Lines(SKCanvas c, IReadOnlyList<string> lines, float x, float top, TextStyle s, SKTextAlign align = SKTextAlign.Left)
    {
        for (int i = 0; i < lines.Count; i++) Text(c, lines[i], x, top + s.Size + i * s.LineHeight, s, align);
        return lines.Count * s.LineHeight;
    }

    /// <summary>The height a wrapped paragraph needs.</summary>
    public static float ParagraphHeight(string text, float width, TextStyle s) => Wrap(text, width, s).Count * s.LineHeight;

    public static void Line(SKCanvas c, float x1, float y1, float x2, float y2, SKColor colour, float width = 0.6f)
    {
        using var p = new SKPaint { Color = colour, StrokeWidth = width, IsStroke = true, IsAntialias = true };
        c.DrawLine(x1, y1, x2, y2, p);
    }

    public static void Fill(SKCanvas c, SKRect r, SKColor colour)
    {
        using var p = new SKPaint { Color = colour, IsAntialias = true };
        c.DrawRect(r, p);
    }
}
