using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>A table column: header text, width in points and alignment.</summary>
internal sealed record Column(string Header, float Width, SKTextAlign Align = SKTextAlign.Left);

/// <summary>A table cell: text, optional style, and an optional status mark drawn before the text.</summary>
internal sealed record Cell(string Text, TextStyle? Style = null, Qp.Domain.Results.TargetStatus? Mark = null, bool HasMark = false)
{
    public static implicit operator Cell(string text) => new(text);

    /// <summary>A status as its mark and label.</summary>
    public static Cell Status(Qp.Domain.Results.TargetStatus s, TextStyle? style = null) => new(Figures.Status(s), style, s, true);
}

/// <summary>A table row; emphasised rows are bold on a tinted band (the pack's own authority).</summary>
internal sealed record TableRow(IReadOnlyList<Cell> Cells, bool Emphasis = false, bool RuleAbove = false);

/// <summary>Draws a simple ruled table with wrapping cells and right-aligned figures.</summary>
internal static class Table
{
    private const float PadX = 4f, MarkWidth = 11f;
    [ThreadStatic] private static float padY;
    private static float PadY => padY == 0 ? 3.5f : padY;

    /// <summary>Draws a denser table (7.5 pt, tighter rows) for side panels.</summary>
    public static float DrawCompact(SKCanvas c, float x, float top, IReadOnlyList<Column> columns, IReadOnlyList<TableRow> rows)
    {
        padY = 2.2f;
        try
        {
            var small = new TextStyle(7.6f);
            return Draw(c, x, top, columns, rows.Select(r => r with
            {
                Cells = r.Cells.Select(cell => cell with { Style = cell.Style ?? (r.Emphasis ? small.Bold() : small) }).ToList(),
            }).ToList());
        }
        finally { padY = 0; }
    }

    public static float Height(IReadOnlyList<Column> columns, IReadOnlyList<TableRow> rows) =>
        RowHeight(columns, columns.Select(c => new Cell(c.Header, TextStyle.TableHeader)).ToList()) + rows.Sum(r => RowHeight(columns, r.Cells, r.Emphasis));

    /// <summary>Draws the table with its top-left at (x, top); returns the height used.</summary>
    public static float Draw(SKCanvas c, float x, float top, IReadOnlyList<Column> columns, IReadOnlyList<TableRow> rows)
    {
        float width = columns.Sum(col => col.Width);
        var header = columns.Select(col => new Cell(col.Header, TextStyle.TableHeader)).ToList();
        float y = top;
        float h = RowHeight(columns, header);
        DrawCells(c, x, y, columns, header, false, h);
        y += h;
        Ink.Line(c, x, y, x + width, y, Palette.Navy, 0.9f);
        foreach (var row in rows)
        {
            float rh = RowHeight(columns, row.Cells, row.Emphasis);
            if (row.Emphasis) Ink.Fill(c, new SKRect(x, y, x + width, y + rh), Palette.Band);
            if (row.RuleAbove) Ink.Line(c, x, y, x + width, y, Palette.Muted, 0.6f);
            DrawCells(c, x, y, columns, row.Cells, row.Emphasis, rh);
            y += rh;
            Ink.Line(c, x, y, x + width, y, Palette.Rule, 0.4f);
        }
        return y - top;
    }

    private static TextStyle StyleOf(Cell cell, bool emphasis) =>
        cell.Style ?? (emphasis ? TextStyle.TableBold : TextStyle.TableText);

    private static float RowHeight(IReadOnlyList<Column> columns, IReadOnlyList<Cell> cells, bool emphasis = false)
    {
        float max = 0;
        for (int i = 0; i < columns.Count && i < cells.Count; i++)
        {
            var s = StyleOf(cells[i], emphasis);
            var lines = Ink.Wrap(cells[i].Text, columns[i].Width - 2 * PadX - (cells[i].HasMark ? MarkWidth : 0), s).Count;
            max = Math.Max(max, lines * s.LineHeight);
        }
        return max + 2 * PadY;
    }

    private static void DrawCells(SKCanvas c, float x, float top, IReadOnlyList<Column> columns, IReadOnlyList<Cell> cells, bool emphasis, float rowHeight)
    {
        float cx = x;
        for (int i = 0; i < columns.Count && i < cells.Count; i++)
        {
            var col = columns[i];
            var cell = cells[i];
            var s = StyleOf(cell, emphasis);
            float left = cx + PadX, right = cx + col.Width - PadX;
            if (cell.HasMark)
            {
                StatusMark.Draw(c, cell.Mark, left + 4f, top + PadY + s.Size * 0.62f);
                left += MarkWidth;
            }
            var lines = Ink.Wrap(cell.Text, right - left, s);
            for (int l = 0; l < lines.Count; l++)
            {
                float baseline = top + PadY + s.Size * 0.95f + l * s.LineHeight;
                switch (col.Align)
                {
                    case SKTextAlign.Right: Ink.Text(c, lines[l], right, baseline, s, SKTextAlign.Right); break;
                    case SKTextAlign.Center: Ink.Text(c, lines[l], (left + right) / 2, baseline, s, SKTextAlign.Center); break;
                    default: Ink.Text(c, lines[l], left, baseline, s); break;
                }
            }
            cx += col.Width;
        }
    }
}
