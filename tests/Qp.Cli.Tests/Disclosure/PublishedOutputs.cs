using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Qp.Cli.Tests.Disclosure;

/// <summary>A published cell as a reader sees it: a number, a text (such as "c"), or nothing.</summary>
internal readonly record struct Seen(double? Number, string? Text)
{
    public bool Hidden => Text == "c";
}

/// <summary>Every published output of one edition, read back as a reader would: the workbook's cells with ClosedXML, the CSV and EES files as text, the packs' text with PdfPig.</summary>
internal sealed class PublishedOutputs
{
    /// <summary>The published workbook's Data sheet: (authority or null for England, year, indicator, measure) → cell.</summary>
    public Dictionary<(int? La, int Year, string Ind, string Measure), Seen> Data { get; } = new();

    /// <summary>Every other workbook cell holding a number, by sheet (indicator sheets repeat Data figures at full precision).</summary>
    public Dictionary<string, List<(int Row, int Col, double Value)>> SheetNumbers { get; } = new();

    /// <summary>EES rows (geographic_level, region name, la code, indicator, numerator, denominator, value).</summary>
    public List<Dictionary<string, string>> Ees { get; } = [];

    /// <summary>The SPEC §6 export (CSV) rows.</summary>
    public List<Dictionary<string, string>> Csv { get; } = [];

    /// <summary>The national pack's text, page by page.</summary>
    public List<string> NationalPages { get; } = [];

    /// <summary>Each authority pack's text, page by page.</summary>
    public Dictionary<int, List<string>> Packs { get; } = new();

    /// <summary>All text of every published output, for the test that no identifier is quoted.</summary>
    public List<string> AllText { get; } = [];

    public static PublishedOutputs Read(string workbook, string csv, string ees, string nationalPdf, string? packsFolder)
    {
        var p = new PublishedOutputs();
        p.ReadWorkbook(workbook);
        p.Csv.AddRange(ReadCsv(csv));
        p.Ees.AddRange(ReadCsv(ees));
        p.NationalPages.AddRange(PdfPages(nationalPdf));
        p.AllText.AddRange(p.NationalPages);
        if (packsFolder is not null)
            foreach (var file in Directory.GetFiles(packsFolder, "*.pdf"))
            {
                var la = int.Parse(Path.GetFileName(file).Split('_')[0], CultureInfo.InvariantCulture);
                p.Packs[la] = PdfPages(file);
                p.AllText.AddRange(p.Packs[la]);
            }
        return p;
    }

    private void ReadWorkbook(string path)
    {
        using var wb = new XLWorkbook(path);
        foreach (var ws in wb.Worksheets)
        {
            if (ws.Name == "Data")
            {
                foreach (var row in ws.RowsUsed().Skip(1))
                {
                    var laText = row.Cell(1).GetString();
                    int? la = laText.Length == 0 ? null : int.Parse(laText, CultureInfo.InvariantCulture);
                    int year = (int)row.Cell(3).GetDouble();
                    // value (numbers), label (text measures), suppressed ("c" where the value is withheld).
                    var v = row.Cell(6);
                    var seen = row.Cell(8).GetString() == "c" ? new Seen(null, "c")
                        : v.DataType == XLDataType.Number ? new Seen(v.GetDouble(), null) : new Seen(null, row.Cell(7).GetString());
                    Data[(la, year, row.Cell(4).GetString(), row.Cell(5).GetString())] = seen;
                }
                continue;
            }
            var numbers = new List<(int, int, double)>();
            foreach (var cell in ws.CellsUsed())
            {
                if (cell.DataType == XLDataType.Number) numbers.Add((cell.Address.RowNumber, cell.Address.ColumnNumber, cell.GetDouble()));
                else AllText.Add(cell.GetString());
            }
            SheetNumbers[ws.Name] = numbers;
        }
    }

    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var cells = Split(line);
            yield return header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }
    }

    // RFC 4180 split of one line (no embedded newlines in these files).
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        cells.Add(sb.ToString());
        return cells;
    }

    private static List<string> PdfPages(string path)
    {
        using var doc = PdfDocument.Open(path);
        return doc.GetPages().Select(p => Regex.Replace(ContentOrderTextExtractor.GetText(p), @"\s+", " ")).ToList();
    }

    /// <summary>A number read from a CSV cell, or null when blank or "c".</summary>
    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
