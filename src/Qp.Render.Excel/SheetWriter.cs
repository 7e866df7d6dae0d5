using System.Globalization;
using ClosedXML.Excel;

namespace Qp.Render.Excel;

/// <summary>A figure as shown: a number, nothing, or suppressed ('c') under disclosure control.</summary>
/// <param name="Value">The stored number, or null when missing.</param>
/// <param name="Suppressed">Whether disclosure control hides it.</param>
internal readonly record struct Figure(double? Value, bool Suppressed)
{
    public static Figure Of(double? value) => new(value, false);

    public static readonly Figure Hidden = new(null, true);
}

/// <summary>Writes cells of one sheet — text always as text, numbers with a number format — and remembers how wide each column's content is.</summary>
internal sealed class SheetWriter(IXLWorksheet sheet)
{
    private readonly Dictionary<int, int> _chars = [];
    private readonly Dictionary<int, string> _columnFormats = [];

    public IXLWorksheet Sheet { get; } = sheet;

    /// <summary>Writes text as a string value (never a formula); text that a spreadsheet would read as a formula also gets the quote prefix, so editing the cell keeps it text.</summary>
    public IXLCell Text(int row, int col, string? text, bool measure = true)
    {
        var cell = Sheet.Cell(row, col);
        if (string.IsNullOrEmpty(text)) return cell;
        var clean = CellText.Clean(text);
        cell.SetValue(clean);
        if (Qp.Domain.Text.SafeText.IsFormulaLike(clean)) cell.Style.IncludeQuotePrefix = true;
        if (measure) Measure(col, clean);
        return cell;
    }

    /// <summary>Gives a whole column a number format before its cells are written: cells then inherit it, which is far cheaper in ClosedXML than styling each cell.</summary>
    public void ColumnFormat(int col, string format)
    {
        Sheet.Column(col).Style.NumberFormat.Format = format;
        _columnFormats[col] = format;
    }

    /// <summary>Writes a number with its format (inherited from the column when it has that format); nothing when missing.</summary>
    public IXLCell Number(int row, int col, double? value, string format)
    {
        var cell = Sheet.Cell(row, col);
        if (value is not { } v) return cell;
        cell.SetValue(v);
        if (!_columnFormats.TryGetValue(col, out var f) || f != format) cell.Style.NumberFormat.Format = format;
        Measure(col, Display(v, format));
        return cell;
    }

    /// <summary>Writes a figure: its number, or 'c' (right-aligned, like the numbers it stands for) when suppressed.</summary>
    public IXLCell Figure(int row, int col, Figure figure, string format)
    {
        if (!figure.Suppressed) return Number(row, col, figure.Value, format);
        var cell = Text(row, col, Qp.Domain.Disclosure.DisclosureControl.Suppressed);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return cell;
    }

    /// <summary>Counts <paramref name="text"/> towards the width of column <paramref name="col"/> (its longest line).</summary>
    public void Measure(int col, string text)
    {
        int longest = text.Length;
        if (text.Contains('\n')) longest = text.Split('\n').Max(l => l.Length);
        if (!_chars.TryGetValue(col, out var w) || longest > w) _chars[col] = longest;
    }

    /// <summary>Sets column widths from the measured content — ClosedXML's AdjustToContents needs GDI+, which Linux lacks.</summary>
    public void ApplyWidths(int minimum = 4, int maximum = 60)
    {
        foreach (var (col, chars) in _chars)
            // One character is about one width unit in Calibri 11; two more for padding and the filter button.
            Sheet.Column(col).Width = Math.Clamp(chars + 3, minimum, maximum);
    }

    /// <summary>How a number will look with one of the shared formats, for sizing.</summary>
    public static string Display(double v, string format) => format switch
    {
        Styles.Count => v.ToString("#,##0", CultureInfo.InvariantCulture),
        Styles.Percent => v.ToString("0.0", CultureInfo.InvariantCulture),
        Styles.Change => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
        Styles.Statistic => v.ToString("0.00", CultureInfo.InvariantCulture),
        _ => v.ToString("0", CultureInfo.InvariantCulture),
    };
}
