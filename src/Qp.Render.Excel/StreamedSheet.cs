using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Qp.Render.Excel;

/// <summary>
/// Copies a workbook package saved by ClosedXML and streams the Data sheet's rows into it as plain OOXML
/// (numbers, and shared strings that are text and never formulas), adding the few cell styles they need.
/// </summary>
internal static partial class StreamedSheet
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace OfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Writes the package <paramref name="saved"/> to <paramref name="output"/> with <paramref name="rows"/> appended below the heading row of sheet <paramref name="sheetName"/>.</summary>
    public static void Write(Stream saved, Stream output, string sheetName, IReadOnlyList<DataRow> rows)
    {
        using var src = new ZipArchive(saved, ZipArchiveMode.Read, leaveOpen: true);
        var sheetPath = SheetPath(src, sheetName);
        var styles = AddStyles(src);
        var strings = AddStrings(src, rows);
        using var dst = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in src.Entries)
        {
            var copy = dst.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            using var to = copy.Open();
            if (entry.FullName == "xl/styles.xml") Save(styles.Document, to);
            else if (entry.FullName == SharedStringsPath) Save(strings.Document, to);
            else if (entry.FullName == sheetPath) WriteSheet(entry, to, rows, styles, strings.Index);
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    // ClosedXML always writes the shared strings here (the other sheets always hold text).
    private const string SharedStringsPath = "xl/sharedStrings.xml";

    /// <summary>Saves a part, keeping carriage returns in text as character references.</summary>
    private static void Save(XDocument doc, Stream to)
    {
        var settings = new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = System.Xml.NewLineHandling.Entitize };
        using var w = System.Xml.XmlWriter.Create(to, settings);
        doc.Save(w);
    }

    /// <summary>The shared string table with every text of the streamed rows added, and each text's index.</summary>
    private sealed record StringTable(XDocument Document, Dictionary<string, int> Index);

    private static StringTable AddStrings(ZipArchive zip, IReadOnlyList<DataRow> rows)
    {
        var doc = Load(zip, SharedStringsPath);
        var sst = doc.Root!;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = 0;
        foreach (var si in sst.Elements(Main + "si"))
        {
            // Only plain entries can be reused; rich-text ones are skipped but still counted.
            if (si.Elements().Count() == 1 && si.Element(Main + "t") is { } t) index.TryAdd(t.Value, n);
            n++;
        }
        void Add(string? text)
        {
            if (text is null) return;
            var clean = CellText.Clean(text);
            if (index.ContainsKey(clean)) return;
            var t = new XElement(Main + "t", EscapeUnderscores(clean));
            if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1])))
                t.Add(new XAttribute(XNamespace.Xml + "space", "preserve"));
            sst.Add(new XElement(Main + "si", t));
            index[clean] = n++;
        }
        long refs = 0;
        foreach (var r in rows)
        {
            Add(r.LaName);
            Add(r.Indicator);
            Add(r.Measure);
            Add(r.Text);
            refs += r.Text is null ? 3 : 4;
        }
        sst.SetAttributeValue("uniqueCount", n);
        sst.SetAttributeValue("count", (long?)sst.Attribute("count") + refs ?? refs);
        return new StringTable(doc, index);
    }

    /// <summary>The part name (e.g. xl/worksheets/sheet5.xml) of the sheet called <paramref name="sheetName"/>.</summary>
    private static string SheetPath(ZipArchive zip, string sheetName)
    {
        var workbook = Load(zip, "xl/workbook.xml");
        var sheet = workbook.Descendants(Main + "sheet").First(s => (string?)s.Attribute("name") == sheetName);
        var id = (string)sheet.Attribute(OfficeRels + "id")!;
        var rels = Load(zip, "xl/_rels/workbook.xml.rels");
        var target = (string)rels.Descendants(PackageRels + "Relationship").First(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var s = (zip.GetEntry(name) ?? throw new InvalidDataException($"workbook part {name} missing")).Open();
        return XDocument.Load(s);
    }

    /// <summary>The styles document with one cell format added per <see cref="DataFormat"/>, and their indexes.</summary>
    private sealed record StyleSet(XDocument Document, int[] Index, int QuotedText);

    private static StyleSet AddStyles(ZipArchive zip)
    {
        var doc = Load(zip, "xl/styles.xml");
        var root = doc.Root!;
        var numFmts = root.Element(Main + "numFmts");
        if (numFmts is null)
        {
            numFmts = new XElement(Main + "numFmts");
            root.AddFirst(numFmts);
        }
        int nextId = Math.Max(164, numFmts.Elements(Main + "numFmt").Select(e => (int)e.Attribute("numFmtId")! + 1).DefaultIfEmpty(164).Max());
        int FormatId(string code)
        {
            var existing = numFmts.Elements(Main + "numFmt").FirstOrDefault(e => (string?)e.Attribute("formatCode") == code);
            if (existing is not null) return (int)existing.Attribute("numFmtId")!;
            numFmts.Add(new XElement(Main + "numFmt", new XAttribute("numFmtId", nextId), new XAttribute("formatCode", code)));
            numFmts.SetAttributeValue("count", numFmts.Elements().Count());
            return nextId++;
        }
        var xfs = root.Element(Main + "cellXfs") ?? throw new InvalidDataException("styles without cellXfs");
        int AddXf(int numFmtId, bool quote = false, bool right = false)
        {
            var xf = new XElement(Main + "xf", new XAttribute("numFmtId", numFmtId), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
                new XAttribute("borderId", 0), new XAttribute("xfId", 0), new XAttribute("applyNumberFormat", 1));
            if (quote) xf.Add(new XAttribute("quotePrefix", 1));
            if (right) xf.Add(new XAttribute("applyAlignment", 1), new XElement(Main + "alignment", new XAttribute("horizontal", "right")));
            xfs.Add(xf);
            xfs.SetAttributeValue("count", xfs.Elements().Count());
            return xfs.Elements().Count() - 1;
        }
        var index = new int[Enum.GetValues<DataFormat>().Length];
        index[(int)DataFormat.Text] = AddXf(49); // 49 = the built-in "@" text format
        index[(int)DataFormat.Count] = AddXf(3); // 3 = built-in "#,##0"
        index[(int)DataFormat.Whole] = AddXf(1); // 1 = built-in "0"
        index[(int)DataFormat.Statistic] = AddXf(2); // 2 = built-in "0.00"
        index[(int)DataFormat.Percent] = AddXf(FormatId(Styles.Percent));
        index[(int)DataFormat.Change] = AddXf(FormatId(Styles.Change));
        index[(int)DataFormat.Suppressed] = AddXf(49, right: true);
        return new StyleSet(doc, index, AddXf(49, quote: true));
    }

    private static void WriteSheet(ZipArchiveEntry entry, Stream to, IReadOnlyList<DataRow> rows, StyleSet styles, Dictionary<string, int> strings)
    {
        string xml;
        using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
        int lastRow = rows.Count + 1;
        xml = DimensionRef().Replace(xml, m => $"{m.Groups[1].Value}A1:{(m.Groups[2].Success ? m.Groups[2].Value : "F")}{lastRow}\"", 1);
        var close = SheetDataEnd().Match(xml);
        if (!close.Success) throw new InvalidDataException("Data sheet has no sheetData");
        var p = close.Groups[1].Success ? close.Groups[1].Value + ":" : close.Groups[2].Success ? close.Groups[2].Value + ":" : "";
        bool selfClosing = close.Value.EndsWith("/>", StringComparison.Ordinal);

        using var w = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
        w.Write(xml.AsSpan(0, close.Index));
        if (selfClosing) w.Write($"<{p}sheetData>");
        var cells = new CellWriter(w, p, styles, strings);
        int whole = styles.Index[(int)DataFormat.Whole];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            int rn = i + 2;
            cells.StartRow(rn);
            // Cells carry no reference: each follows the one before, so only B needs one when A (England's la_code) is empty.
            if (row.LaCode is { } la) cells.Number(la, whole);
            cells.Text(row.LaName, reference: row.LaCode is null ? "B" + rn : null);
            cells.Number(row.Year, whole);
            cells.Text(row.Indicator);
            cells.Text(row.Measure);
            // One type per column: numbers in value (F), text measures in label (G), "c" in suppressed (H) with value left blank.
            if (row.Number is { } v) cells.Number(v, styles.Index[(int)row.Format]);
            else if (row.Format == DataFormat.Suppressed) cells.Text(row.Text!, styles.Index[(int)row.Format], reference: "H" + rn);
            else if (row.Text is not null) cells.Text(row.Text, styles.Index[(int)row.Format], reference: "G" + rn);
            cells.EndRow();
        }
        w.Write($"</{p}sheetData>");
        w.Write(xml.AsSpan(close.Index + close.Length));
    }

    /// <summary>Writes cells with the sheet's namespace prefix, formatting numbers without allocating.</summary>
    private sealed class CellWriter(StreamWriter w, string p, StyleSet styles, Dictionary<string, int> strings)
    {
        private readonly string _cell = $"<{p}c";
        private readonly string _valueOpen = $"><{p}v>";
        private readonly string _textValueOpen = $" t=\"s\"><{p}v>";
        private readonly string _cellClose = $"</{p}v></{p}c>";
        private readonly string _rowOpen = $"<{p}row r=\"";
        private readonly string _rowClose = $"</{p}row>";
        private readonly char[] _buffer = new char[32];

        public void StartRow(int row)
        {
            w.Write(_rowOpen);
            WriteInt(row);
            w.Write("\">");
        }

        public void EndRow() => w.Write(_rowClose);

        public void Number(double value, int style)
        {
            w.Write(_cell);
            Style(style);
            w.Write(_valueOpen);
            value.TryFormat(_buffer, out int n, default, CultureInfo.InvariantCulture);
            w.Write(_buffer, 0, n);
            w.Write(_cellClose);
        }

        // The few distinct texts (names, indicators, measures) repeat across ~235,000 rows, so each one's cell XML is built once.
        private readonly Dictionary<(string, int?), string> _textCells = [];

        /// <summary>A shared-string cell: text by type, so it can never be a formula; formula-like text also gets the quote prefix.</summary>
        public void Text(string text, int? style = null, string? reference = null)
        {
            if (reference is null && _textCells.TryGetValue((text, style), out var xml))
            {
                w.Write(xml);
                return;
            }
            var clean = CellText.Clean(text);
            var sb = new StringBuilder(_cell);
            if (reference is not null) sb.Append(" r=\"").Append(reference).Append('"');
            int? s = Qp.Domain.Text.SafeText.IsFormulaLike(clean) ? styles.QuotedText : style;
            if (s is not null) sb.Append(" s=\"").Append(s.Value.ToString(CultureInfo.InvariantCulture)).Append('"');
            sb.Append(_textValueOpen).Append(strings[clean].ToString(CultureInfo.InvariantCulture)).Append(_cellClose);
            xml = sb.ToString();
            if (reference is null) _textCells[(text, style)] = xml;
            w.Write(xml);
        }

        private void Style(int style)
        {
            w.Write(" s=\"");
            WriteInt(style);
            w.Write('"');
        }

        private void WriteInt(int value)
        {
            value.TryFormat(_buffer, out int n, default, CultureInfo.InvariantCulture);
            w.Write(_buffer, 0, n);
        }
    }

    /// <summary>A literal "_xHHHH_" in text is escaped as "_x005F_xHHHH_" so Excel does not decode it as a character.</summary>
    public static string EscapeUnderscores(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? EscapedChar().Replace(text, "_x005F_$1") : text;

    [GeneratedRegex("(<(?:\\w+:)?dimension ref=\")[A-Z]+[0-9]+(?::([A-Z]+)[0-9]+)?\"")]
    private static partial Regex DimensionRef();

    [GeneratedRegex("</(?:(\\w+):)?sheetData>|<(?:(\\w+):)?sheetData\\s*/>")]
    private static partial Regex SheetDataEnd();

    [GeneratedRegex("_(x[0-9A-Fa-f]{4}_)")]
    private static partial Regex EscapedChar();
}
