using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Qp.Import.Xlsx;

/// <summary>The documented limits on an .xlsx input, checked before and while it is read (README: input limits).</summary>
public static class XlsxLimits
{
    /// <summary>The most bytes all the workbook's parts may hold once uncompressed (100 MB): far more than any return's tables, far less than a zip bomb.</summary>
    public const long UncompressedBytes = 100L * 1024 * 1024;

    /// <summary>The most zip entries a workbook may have.</summary>
    public const int Entries = 10_000;

    /// <summary>The most rows (used or only formatted) one sheet may have: 200,000, several times the largest authority's return.</summary>
    public const int RowsPerSheet = 200_000;

    /// <summary>The most worksheets a workbook may list (a return has about ten tables).</summary>
    public const int Sheets = 100;

    /// <summary>The most shared strings a workbook may hold: 1,000,000, far more distinct texts than any return has.</summary>
    public const int SharedStrings = 1_000_000;

    /// <summary>The longest text of one shared string or cell: <see cref="InputLimits.FieldChars"/> (Excel's own cell limit).</summary>
    public const int CellChars = InputLimits.FieldChars;
}

/// <summary>A problem found while streaming a workbook, located at a sheet's row and column (0 when it concerns the whole book or sheet).</summary>
/// <param name="Sheet">The sheet's name, or null for the workbook as a whole.</param>
/// <param name="Row">The 1-based row, or 0.</param>
/// <param name="Column">The 1-based column, or 0.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence saying so (never quoting a cell's text).</param>
public sealed record XlsxProblem(string? Sheet, int Row, int Column, XlsxProblemKind Kind, string Message);

/// <summary>The kinds of problem <see cref="XlsxStream"/> reports.</summary>
public enum XlsxProblemKind
{
    /// <summary>Not a readable .xlsx file (not a zip, missing parts, broken XML).</summary>
    Malformed,

    /// <summary>Past one of <see cref="XlsxLimits"/>.</summary>
    TooLarge,

    /// <summary>A formula with no value saved with it, or an error value such as #DIV/0!.</summary>
    FormulaWithoutValue,

    /// <summary>A date cell whose serial number is no possible date.</summary>
    ImpossibleDate,
}

/// <summary>One row of a sheet: its 1-based number and its cells' text by 1-based column (only cells that hold something).</summary>
/// <param name="Number">The row number.</param>
/// <param name="Cells">Column → text.</param>
public sealed record XlsxRow(int Number, IReadOnlyDictionary<int, string> Cells)
{
    /// <summary>The text at 1-based <paramref name="column"/>, or null.</summary>
    public string? this[int column] => Cells.GetValueOrDefault(column);

    /// <summary>The last column holding something, or 0.</summary>
    public int LastColumn => Cells.Count == 0 ? 0 : Cells.Keys.Max();
}

/// <summary>
/// Streams an .xlsx workbook's sheets row by row straight from its zip and XML, never loading it whole and never evaluating a formula:
/// a formula cell yields the value Excel saved with it. Sizes are checked against <see cref="XlsxLimits"/> before anything is
/// decompressed (and enforced while reading, in case the zip's sizes lie), so a zip bomb or a million formatted rows is refused quickly.
/// Dates (number cells with a date format) become dd/mm/yyyy; other numbers are written without a trailing ".0".
/// </summary>
public sealed class XlsxStream : IDisposable
{
    // A sheet's cells are five levels deep (worksheet, sheetData, row, c, is/r/t); rich text adds a few.
    private const int MaxDepth = 32;

    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive zip;
    private readonly Action<XlsxProblem> report;
    private List<string> sharedStrings = [];
    private bool[] dateStyles = [];
    private bool date1904;

    private XlsxStream(ZipArchive zip, Action<XlsxProblem> report) => (this.zip, this.report) = (zip, report);

    /// <summary>Opens the workbook read into <paramref name="input"/> and checks its sizes; returns null (after reporting why) when it cannot or must not be read.</summary>
    public static XlsxStream? Open(InputFile input, Action<XlsxProblem> report)
    {
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(input.Open(), ZipArchiveMode.Read);
            _ = zip.Entries.Count; // the central directory is read here: a damaged one fails now, not later
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            zip?.Dispose();
            report(new XlsxProblem(null, 0, 0, XlsxProblemKind.Malformed, "the workbook cannot be read: it is not a valid .xlsx (zip) file"));
            return null;
        }
        if (zip.Entries.Count > XlsxLimits.Entries)
        {
            report(new XlsxProblem(null, 0, 0, XlsxProblemKind.TooLarge, $"the workbook has {zip.Entries.Count:N0} parts, more than the limit of {XlsxLimits.Entries:N0}"));
            zip.Dispose();
            return null;
        }
        long total = zip.Entries.Sum(e => e.Length);
        if (total > XlsxLimits.UncompressedBytes)
        {
            report(new XlsxProblem(null, 0, 0, XlsxProblemKind.TooLarge,
                $"the workbook holds {total / (1024 * 1024):N0} MB once uncompressed, more than the limit of {XlsxLimits.UncompressedBytes / (1024 * 1024):N0} MB; save large returns as CSV"));
            zip.Dispose();
            return null;
        }
        var book = new XlsxStream(zip, report);
        try
        {
            book.Sheets = book.ReadWorkbook();
            return book;
        }
        catch (TooLargeException e)
        {
            report(new XlsxProblem(null, 0, 0, XlsxProblemKind.TooLarge, e.Message));
            book.Dispose();
            return null;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException or NotSupportedException)
        {
            report(new XlsxProblem(null, 0, 0, XlsxProblemKind.Malformed, $"the workbook cannot be read: {Reason(e)}"));
            book.Dispose();
            return null;
        }
    }

    private sealed class TooLargeException(string message) : Exception(message);

    /// <summary>The worksheets in workbook order: name and zip entry.</summary>
    public IReadOnlyList<(string Name, string Entry)> Sheets { get; private set; } = [];

    /// <summary>Streams the rows of the sheet in <paramref name="entry"/> (named <paramref name="sheet"/> in problems); empty rows are skipped.</summary>
    /// <remarks>Stops, after reporting, at broken XML or past <see cref="XlsxLimits.RowsPerSheet"/> rows.</remarks>
    public IEnumerable<XlsxRow> Rows(string sheet, string entry)
    {
        XmlReader? opened;
        try
        {
            opened = Reader(entry);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            report(new XlsxProblem(sheet, 0, 0, XlsxProblemKind.Malformed, $"the sheet cannot be read: {Reason(ex)}"));
            yield break;
        }
        if (opened is null)
        {
            report(new XlsxProblem(sheet, 0, 0, XlsxProblemKind.Malformed, "the sheet's part is missing from the workbook"));
            yield break;
        }
        using var xml = opened;
        int rowNumber = 0, rowsSeen = 0;
        while (true)
        {
            XlsxRow? row;
            try
            {
                if (!xml.Read()) yield break;
                // The reader keeps every open element: nesting far past a sheet's few levels is refused, not followed.
                if (xml.Depth > MaxDepth) throw new FormatException($"elements are nested more than {MaxDepth} levels deep");
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
                rowNumber = Number(xml.GetAttribute("r")) ?? rowNumber + 1;
                if (++rowsSeen > XlsxLimits.RowsPerSheet)
                {
                    report(new XlsxProblem(sheet, rowNumber, 0, XlsxProblemKind.TooLarge,
                        $"the sheet has more than {XlsxLimits.RowsPerSheet:N0} rows (formatted empty rows count too), the limit for a workbook; save large returns as CSV"));
                    yield break;
                }
                row = ReadRow(sheet, rowNumber, xml);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException or FormatException or NotSupportedException)
            {
                report(new XlsxProblem(sheet, rowNumber, 0, XlsxProblemKind.Malformed, $"the sheet cannot be read: {Reason(ex)}"));
                yield break;
            }
            if (row is not null) yield return row;
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => zip.Dispose();

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = XlsxLimits.UncompressedBytes,
        CloseInput = true,
    };

    private static string Reason(Exception e) => e switch
    {
        FormatException f => f.Message,
        XmlException x => $"broken XML at line {x.LineNumber}, column {x.LinePosition}",
        InvalidDataException => "a part of the zip is damaged or larger than it says",
        _ => "a part of the zip is damaged",
    };

    // One <row>: each <c> with its type (t), style (s), formula (f), value (v) or inline string (is).
    private XlsxRow? ReadRow(string sheet, int rowNumber, XmlReader xml)
    {
        var cells = new Dictionary<int, string>();
        if (xml.IsEmptyElement) return null;
        int depth = xml.Depth, column = 0;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.Depth > MaxDepth) throw new FormatException($"elements are nested more than {MaxDepth} levels deep");
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
            string type = xml.GetAttribute("t") ?? "n";
            int style = Number(xml.GetAttribute("s")) ?? 0;
            bool formula = false;
            string? value = null, inline = null;
            if (!xml.IsEmptyElement)
            {
                // ReadElementContentAsString moves past the element itself, so the loop reads on only when nothing else has.
                int cellDepth = xml.Depth;
                bool more = xml.Read();
                while (more && xml.Depth > cellDepth)
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v") { value = xml.ReadElementContentAsString(); continue; }
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") inline = InlineText(xml);
                    else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "f") formula = true;
                    more = xml.Read();
                }
            }
            var text = CellText(sheet, rowNumber, column, type, style, formula, value, inline);
            if (text?.Length > XlsxLimits.CellChars)
            {
                report(new XlsxProblem(sheet, rowNumber, column, XlsxProblemKind.TooLarge, $"the cell holds {text.Length:N0} characters, more than the limit of {XlsxLimits.CellChars:N0} (docs/safety.md)"));
                continue;
            }
            if (!string.IsNullOrEmpty(text)) cells[column] = text;
        }
        return cells.Count == 0 ? null : new XlsxRow(rowNumber, cells);
    }

    private string? CellText(string sheet, int row, int column, string type, int style, bool formula, string? value, string? inline)
    {
        if (type == "inlineStr") return inline;
        if (type == "e")
        {
            report(new XlsxProblem(sheet, row, column, XlsxProblemKind.FormulaWithoutValue, $"the cell holds the error value {Short(value)}; give the value itself"));
            return null;
        }
        if (value is null)
        {
            if (formula)
                report(new XlsxProblem(sheet, row, column, XlsxProblemKind.FormulaWithoutValue,
                    "the cell holds a formula with no value saved with it (formulas are never evaluated); open the workbook in Excel and save it, or type the value"));
            return null;
        }
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < sharedStrings.Count ? sharedStrings[i]
                    : throw new FormatException("a shared-string index points nowhere");
            case "str":
                return value;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : value;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            throw new FormatException("a number cell holds no number");
        if (style < dateStyles.Length && dateStyles[style])
        {
            double serial = date1904 ? number + 1462 : number;
            // FromOADate's range: 1 January 100 to 31 December 9999. Serials below 1 are Excel's "0 January 1900", no date at all.
            if (serial < 1 || serial >= 2958466 || double.IsNaN(serial))
            {
                report(new XlsxProblem(sheet, row, column, XlsxProblemKind.ImpossibleDate, $"the date cell holds the serial number {Short(value)}, which is no date"));
                return null;
            }
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }
        return number.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static string Short(string? v) => v is null ? "" : v.Length > 20 ? v[..20] + "…" : v;

    private static string InlineText(XmlReader xml)
    {
        // <is><t>text</t></is> or rich text runs <is><r><t>..</t></r>…</is>; phonetic runs (rPh) are not the text.
        var sb = new System.Text.StringBuilder();
        if (xml.IsEmptyElement) return "";
        int depth = xml.Depth;
        bool more = xml.Read();
        while (more && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") { xml.Skip(); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") { sb.Append(xml.ReadElementContentAsString()); continue; }
            more = xml.Read();
        }
        return sb.ToString();
    }

    // The workbook part (from the package relationships), its sheets and their parts, then shared strings and date styles.
    private List<(string, string)> ReadWorkbook()
    {
        string workbook = Targets("_rels/.rels", "").Where(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
                          ?? "xl/workbook.xml";
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var rels = Targets($"{folder}_rels/{workbook[folder.Length..]}.rels", folder).ToList();
        var byId = rels.ToDictionary(r => r.Id, r => r.Target, StringComparer.Ordinal);
        var sheets = new List<(string, string)>();
        using (var xml = Reader(workbook) ?? throw new InvalidDataException("no workbook part"))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "workbookPr") date1904 = xml.GetAttribute("date1904") is "1" or "true";
                if (xml.LocalName == "sheet" && xml.GetAttribute("id", RelNs) is { } id && byId.TryGetValue(id, out var target))
                {
                    // Each listing of a sheet is read in full: a part listed again, or hundreds of sheets, would multiply the work.
                    if (sheets.Any(s => s.Item2 == target)) throw new FormatException($"the sheet part {target} is listed twice");
                    if (sheets.Count == XlsxLimits.Sheets) throw new TooLargeException($"the workbook lists more than {XlsxLimits.Sheets} sheets, the limit (docs/safety.md)");
                    sheets.Add((xml.GetAttribute("name") ?? target, target));
                }
            }
        }
        if (rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { Target: { } sst }) sharedStrings = ReadSharedStrings(sst);
        if (rels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)) is { Target: { } styles }) dateStyles = ReadDateStyles(styles);
        // Only worksheets: chart sheets and dialog sheets hold no table.
        var worksheets = rels.Where(r => r.Type.EndsWith("/worksheet", StringComparison.Ordinal)).Select(r => r.Target).ToHashSet(StringComparer.Ordinal);
        return sheets.Where(s => worksheets.Contains(s.Item2)).ToList();
    }

    private IEnumerable<(string Id, string Type, string Target)> Targets(string relsEntry, string folder)
    {
        using var xml = Reader(relsEntry);
        if (xml is null) yield break;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External") continue;
            var target = xml.GetAttribute("Target") ?? "";
            yield return (xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", Resolve(folder, target));
        }
    }

    private static string Resolve(string folder, string target)
    {
        if (target.StartsWith('/')) return target.TrimStart('/');
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var p in target.Split('/'))
        {
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not ("." or "")) parts.Add(p);
        }
        return string.Join('/', parts);
    }

    private List<string> ReadSharedStrings(string entry)
    {
        var list = new List<string>();
        using var xml = Reader(entry);
        if (xml is null) return list;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            if (list.Count == XlsxLimits.SharedStrings)
                throw new TooLargeException($"the workbook holds more than {XlsxLimits.SharedStrings:N0} shared strings, the limit (docs/safety.md)");
            var text = InlineText(xml);
            // A long shared string is copied into every cell (and message) that uses it.
            if (text.Length > XlsxLimits.CellChars)
                throw new TooLargeException($"shared string {list.Count + 1:N0} has {text.Length:N0} characters, more than the limit of {XlsxLimits.CellChars:N0} for one cell (docs/safety.md)");
            list.Add(text);
        }
        return list;
    }

    private bool[] ReadDateStyles(string entry)
    {
        using var xml = Reader(entry);
        if (xml is null) return [];
        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        bool inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "numFmt" && Number(xml.GetAttribute("numFmtId")) is { } fid)
                custom[fid] = new ExcelNumberFormat.NumberFormat(xml.GetAttribute("formatCode") ?? "").IsDateTimeFormat;
            else if (xml.LocalName == "cellXfs") inCellXfs = !xml.IsEmptyElement;
            else if (xml.LocalName == "xf" && inCellXfs)
            {
                int id = Number(xml.GetAttribute("numFmtId")) ?? 0;
                styles.Add(custom.TryGetValue(id, out var d) ? d : id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58));
            }
        }
        return styles.ToArray();
    }

    private XmlReader? Reader(string entry)
    {
        var e = zip.GetEntry(entry);
        return e is null ? null : XmlReader.Create(new BoundedStream(e.Open(), e.Length), Settings);
    }

    private static int? Number(string? s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

    // "AB12" → 28; null when there is no reference.
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        int col = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && i < 4; i++) col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? null : col;
    }

    /// <summary>A zip entry's stream that refuses to yield more bytes than the entry declared, so a lying header cannot bomb memory.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            read += n;
            if (read > limit) throw new InvalidDataException("a zip entry is larger than its declared size");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
