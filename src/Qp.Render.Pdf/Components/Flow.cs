using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>A piece of flowing content (heading, paragraph, table) that knows its height for a width.</summary>
internal interface IBlock
{
    float Height(float width);
    void Draw(SKCanvas c, float x, float top, float width);
}

/// <summary>A heading or paragraph with space after it.</summary>
internal sealed record TextBlock(string Text, TextStyle Style, float SpaceAfter = 6f, float Indent = 0f) : IBlock
{
    public float Height(float width) => Ink.ParagraphHeight(Text, width - Indent, Style) + SpaceAfter;
    public void Draw(SKCanvas c, float x, float top, float width) => Ink.Paragraph(c, Text, x + Indent, top, width - Indent, Style);
}

/// <summary>A table that may be split across pages, its header repeated on each.</summary>
internal sealed record TableBlock(IReadOnlyList<Column> Columns, IReadOnlyList<TableRow> Rows, float SpaceAfter = 10f) : IBlock
{
    public float Height(float width) => Table.Height(Columns, Rows) + SpaceAfter;
    public void Draw(SKCanvas c, float x, float top, float width) => Table.Draw(c, x, top, Columns, Rows);

    /// <summary>Splits off the rows that fit in <paramref name="available"/> points (at least one row).</summary>
    public (TableBlock First, TableBlock? Remainder) Split(float available)
    {
        int n = 1;
        while (n < Rows.Count && Table.Height(Columns, Rows.Take(n + 1).ToList()) <= available) n++;
        return n >= Rows.Count ? (this, null) : (this with { Rows = Rows.Take(n).ToList() }, this with { Rows = Rows.Skip(n).ToList() });
    }
}

/// <summary>A page of flowed blocks.</summary>
internal sealed record FlowPage(string Section, IReadOnlyList<IBlock> Blocks) : IPage
{
    public void Draw(SKCanvas canvas, SKRect area)
    {
        float y = area.Top;
        foreach (var b in Blocks)
        {
            b.Draw(canvas, area.Left, y, area.Width);
            y += b.Height(area.Width);
        }
    }
}

/// <summary>Lays blocks onto as many pages as they need; a heading is never left alone at the foot of a page.</summary>
internal static class Flow
{
    public static IReadOnlyList<IPage> Paginate(string section, IEnumerable<IBlock> blocks)
    {
        var area = PageFrame.Content;
        var pages = new List<IPage>();
        var current = new List<IBlock>();
        float used = 0;
        var queue = new Queue<IBlock>(blocks);
        while (queue.Count > 0)
        {
            var b = queue.Dequeue();
            float h = b.Height(area.Width);
            // Keep a heading with what follows it.
            float need = b is TextBlock { Style.IsBold: true } && queue.TryPeek(out var next) ? h + Math.Min(next.Height(area.Width), 60f) : h;
            if (used + need <= area.Height || current.Count == 0 && b is not TableBlock)
            {
                current.Add(b);
                used += h;
                continue;
            }
            if (b is TableBlock t && area.Height - used > 60f)
            {
                var (head, rest) = t.Split(area.Height - used - t.SpaceAfter);
                current.Add(head);
                pages.Add(new FlowPage(section, current));
                current = [];
                used = 0;
                if (rest is not null) queue = new Queue<IBlock>(new IBlock[] { rest }.Concat(queue));
                continue;
            }
            pages.Add(new FlowPage(section, current));
            current = [];
            used = 0;
            queue = new Queue<IBlock>(new[] { b }.Concat(queue));
        }
        if (current.Count > 0 || pages.Count == 0) pages.Add(new FlowPage(section, current));
        return pages;
    }
}
