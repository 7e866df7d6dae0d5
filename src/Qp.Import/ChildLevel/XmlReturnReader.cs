using System.Text;
using System.Xml;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>
/// Streams the DfE's Expanded SSDA903 XML in one pass: root EXPSSDA903, repeated CHILD elements, each holding one HEADER and its
/// EPISODE elements. HEADER's own fields make the Header row (CHILDID → CHILD, and the UASC flag); a UASC row is made for a child
/// whose flag is 1 or who has a DUC (a row of the CSV's UASC table means the child is or was UASC, which a flag of 0 denies); its OC3
/// and AD1 fields make an OC3 or AD1 row when any of them is given; its AREVIEW, AMISSING, OC2, PERMANENCE and AD_PLACED elements make Reviews, Missing, OC2,
/// PrevPerm and PlacedAdoption rows; EPISODE makes an Episodes row (PL → PLACE). Every row takes CHILD (and DOB, SEX where its
/// table has them) from HEADER. Another record element is read as the table its fields identify (e.g. social worker episodes).
/// Only one CHILD is held at a time. Anything out of place — text between elements, elements nested deeper than the schema, a
/// second root, content after the root — is a located error, never a silent stop; DTDs are prohibited and entities never resolved.
/// </summary>
internal static class XmlReturnReader
{
    // The deepest element the schema has: EXPSSDA903 (0) / CHILD (1) / HEADER (2) / AREVIEW (3) / REVIEW (4).
    private const int MaxDepth = 4;

    // A real child has a few hundred elements at most; the cap bounds the memory one CHILD can take.
    private const int MaxElementsPerChild = 100_000;

    // Elements deeper than MaxDepth are skipped (and reported) up to this depth; deeper still, reading stops.
    private const int HardDepth = 64;

    private sealed class TooDeepException(Location at) : Exception
    {
        public Location At { get; } = at;
    }

    // Distinct unknown-element warnings reported per file.
    private const int MaxUnknown = 100;

    private static readonly Dictionary<string, TableSchema> RecordElements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EPISODE"] = Tables.Episodes, ["AREVIEW"] = Tables.Reviews, ["AMISSING"] = Tables.Missing, ["OC2"] = Tables.Oc2,
        ["PERMANENCE"] = Tables.PrevPerm, ["AD_PLACED"] = Tables.PlacedAdoption, ["OC1"] = Tables.Oc1, ["CPR"] = Tables.Cpr,
    };

    // Tables whose fields sit directly in HEADER beside the child's own.
    private static readonly TableSchema[] HeaderFieldTables = [Tables.Uasc, Tables.Oc3, Tables.Ad1];

    // HEADER's UASC flag: 1 (with or without DUC) makes the child's UASC row.
    private const string UascFlag = "UASC";

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase) { ["CHILDID"] = "CHILD", ["PL"] = "PLACE" };

    /// <summary>One element of a CHILD: a field (text, no children) or a record (children).</summary>
    private sealed class Node(string name, Location at)
    {
        public string Name { get; } = name;
        public Location At { get; } = at;
        public string? Text { get; set; }
        public List<Node>? Children { get; set; }
    }

    /// <summary>State of one file's reading.</summary>
    private sealed class Reading(string file, RuleContext ctx, Action<SourceRow> onRow)
    {
        public string File { get; } = file;
        public RuleContext Ctx { get; } = ctx;
        public Action<SourceRow> OnRow { get; } = onRow;
        public Dictionary<TableSchema, int> Counts { get; } = [];
        private readonly HashSet<string> warned = new(StringComparer.Ordinal);
        public int Elements { get; set; }

        public Location Here(XmlReader r) => r is IXmlLineInfo li && li.HasLineInfo() ? new Location(File, li.LineNumber, li.LinePosition) : new Location(File, 0, 0);

        public void Error(Location at, string message) => Ctx.Report(FileRules.Malformed, at, message);

        public void PastLimit(Location at, string message) => Ctx.Report(FileRules.InputLimit, at, message);

        // Unknown elements are reported once per distinct message, as an unknown column is once per file, and at most
        // MaxUnknown distinct ones, so a file of endless new names cannot grow memory.
        public void Unknown(Location at, string message)
        {
            if (warned.Count > MaxUnknown || !warned.Add(message)) return;
            Ctx.Report(FileRules.UnknownColumn, at, warned.Count > MaxUnknown ? $"more than {MaxUnknown} kinds of unknown element; the rest are ignored without a message" : message);
        }
    }

    /// <summary>Reads the XML file <paramref name="input"/>, returning rows per table; problems are reported, never thrown.</summary>
    public static IReadOnlyList<FileTable> Read(InputFile input, RuleContext ctx, Action<SourceRow> onRow)
    {
        var path = input.Path;
        var reading = new Reading(input.Name, ctx, onRow);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        XmlReader? reader = null;
        try
        {
            using var r = reader = XmlReader.Create(input.Open(), settings);
            ReadDocument(r, reading);
        }
        catch (TooDeepException e)
        {
            // Skipping would keep every open element on the reader's stack: a file nested millions deep is refused where it goes too deep.
            ctx.Report(FileRules.InputLimit, e.At, $"elements are nested more than {HardDepth} levels deep, past the limit (docs/safety.md); reading stopped");
        }
        catch (XmlException e)
        {
            bool dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("entit", StringComparison.OrdinalIgnoreCase);
            // Some XmlExceptions carry no position; the reader then knows where it stopped.
            var (line, col) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition)
                : reader is IXmlLineInfo li && li.HasLineInfo() && li.LineNumber > 0 ? (li.LineNumber, li.LinePosition)
                : dtd ? FindDoctype(input) : (0, 0);
            ctx.Report(dtd ? FileRules.XmlDtd : FileRules.Malformed, new Location(reading.File, line, col),
                dtd ? "the file contains a DTD or entity declaration, which is not allowed" : $"the XML is not well-formed: {e.Message}");
        }
        if (reading.Counts.Count == 0) return [new FileTable(path, null, 0)];
        return reading.Counts.Select(kv => new FileTable(path, kv.Key.Name, kv.Value)).ToArray();
    }

    private static void ReadDocument(XmlReader r, Reading reading)
    {
        if (r.MoveToContent() != XmlNodeType.Element)
        {
            reading.Error(reading.Here(r), "the file has no root element; an Expanded SSDA903 return is one EXPSSDA903 element");
            return;
        }
        if (!r.LocalName.Equals("EXPSSDA903", StringComparison.OrdinalIgnoreCase))
        {
            reading.Error(reading.Here(r), $"the root element is {r.LocalName}, not EXPSSDA903");
            return;
        }
        if (r.IsEmptyElement) r.Read();
        else
        {
            r.Read();
            while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == 0))
            {
                if (r.NodeType == XmlNodeType.Element)
                {
                    if (r.LocalName.Equals("CHILD", StringComparison.OrdinalIgnoreCase))
                    {
                        reading.Elements = 0;
                        Emit(ReadNode(r, reading), reading);
                    }
                    else
                    {
                        reading.Unknown(reading.Here(r), $"element {r.LocalName} under EXPSSDA903 is not a CHILD; it is ignored");
                        r.Skip();
                    }
                }
                else
                {
                    if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                        reading.Error(reading.Here(r), "unexpected text between CHILD elements; EXPSSDA903 holds only CHILD elements");
                    r.Read();
                }
            }
            r.Read();
        }
        // Only comments, processing instructions and white space may follow the root: the reader throws on anything else.
        while (r.Read())
        {
        }
    }

    // Reads the element at the reader into a node (a field or a record), iterating over siblings and recursing at most MaxDepth
    // levels; deeper elements are reported and skipped.
    private static Node ReadNode(XmlReader r, Reading reading)
    {
        var node = new Node(r.LocalName, reading.Here(r));
        if (r.IsEmptyElement) { r.Read(); return node; }
        int depth = r.Depth;
        StringBuilder? text = null;
        Location? textAt = null;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    if (++reading.Elements > MaxElementsPerChild)
                    {
                        if (reading.Elements == MaxElementsPerChild + 1)
                            reading.Error(reading.Here(r), $"the CHILD holds more than {MaxElementsPerChild:N0} elements; the rest of it is not read");
                        Skip(r, reading);
                    }
                    else if (r.Depth > MaxDepth)
                    {
                        reading.Error(reading.Here(r), $"element {r.LocalName} is nested too deeply: fields of the Expanded SSDA903 schema are at most {MaxDepth} levels below EXPSSDA903");
                        Skip(r, reading);
                    }
                    else (node.Children ??= []).Add(ReadNode(r, reading));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    textAt ??= reading.Here(r);
                    AppendText(r, text ??= new StringBuilder(), reading, textAt.Value);
                    break;
                default:
                    r.Read();
                    break;
            }
        }
        r.Read();
        node.Text = text?.ToString();
        if (node.Children is not null && !string.IsNullOrWhiteSpace(node.Text))
            reading.Error(textAt!.Value, $"element {node.Name} holds both text and elements; a record holds only fields and a field only text");
        return node;
    }

    // Reads a text node in chunks: a field past FieldChars is reported and the rest of it is read without being kept.
    private static void AppendText(XmlReader r, StringBuilder text, Reading reading, Location at)
    {
        var chunk = new char[4096];
        bool over = text.Length > InputLimits.FieldChars;
        int n;
        while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            if (over) continue;
            text.Append(chunk, 0, n);
            if (text.Length > InputLimits.FieldChars)
            {
                over = true;
                reading.PastLimit(at, $"the element's text is longer than the limit of {InputLimits.FieldChars:N0} characters for one field (docs/safety.md)");
                text.Length = InputLimits.FieldChars;
            }
        }
        r.Read();
    }

    // Skips the element at the reader and everything in it, refusing (by throwing) nesting past HardDepth.
    private static void Skip(XmlReader r, Reading reading)
    {
        if (r.IsEmptyElement) { r.Read(); return; }
        int depth = r.Depth;
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            if (r.Depth > HardDepth) throw new TooDeepException(reading.Here(r));
        r.Read();
    }

    // Turns one CHILD into table rows.
    private static void Emit(Node child, Reading reading)
    {
        if (child.Children is null)
        {
            if (!string.IsNullOrWhiteSpace(child.Text)) reading.Error(child.At, "CHILD holds text; it must hold a HEADER and EPISODE elements");
            else reading.Error(child.At, "CHILD is empty; it must hold a HEADER element");
            return;
        }
        var headers = child.Children.Where(n => n.Name.Equals("HEADER", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (headers.Length == 0)
        {
            reading.Error(child.At, "CHILD has no HEADER element");
            return;
        }
        foreach (var extra in headers.Skip(1)) reading.Error(extra.At, "a second HEADER in the same CHILD");
        var header = headers[0];
        var own = Fields(header, Tables.Header, reading, HeaderFieldTables);
        string? Shared(string column) => own.TryGetValue(column, out var f) ? f.Value : null;
        Row(Tables.Header, header.At with { Column = 0 }, own, reading, Shared);
        // UASC, OC3 and AD1 fields sit in HEADER itself: a row is made when any of the table's own fields is given (for UASC, also a flag of 1).
        foreach (var table in HeaderFieldTables)
        {
            var fields = own.Where(p => table.Keys.Contains(p.Key) || (table == Tables.Uasc && p.Key == UascFlag && p.Value.Value?.Trim() == "1")).ToDictionary();
            if (fields.Values.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f.Value)) is { At.File: not null } given)
                Row(table, given.At with { Column = 0 }, fields, reading, Shared);
        }
        foreach (var record in header.Children ?? [])
            if (record.Children is not null) Record(record, "HEADER", reading, Shared);
        foreach (var node in child.Children)
        {
            if (ReferenceEquals(node, header) || node.Name.Equals("HEADER", StringComparison.OrdinalIgnoreCase)) continue;
            if (node.Children is null && !RecordElements.ContainsKey(node.Name))
                reading.Unknown(node.At, $"element {node.Name} in CHILD is not part of the Expanded SSDA903 schema; it is ignored");
            else Record(node, "CHILD", reading, Shared);
        }
    }

    // A record element (EPISODE, AREVIEW, …) becomes one row of its table; an unknown one is read as the table its fields identify.
    private static void Record(Node record, string parent, Reading reading, Func<string, string?> shared)
    {
        var table = RecordElements.GetValueOrDefault(record.Name);
        if (table is null)
        {
            var names = (record.Children ?? []).Select(n => FieldNames.GetValueOrDefault(n.Name, n.Name).ToUpperInvariant()).Append("CHILD").ToArray();
            var match = Tables.Recognise(names, reading.Ctx.Year);
            if (match is null || match.Table == Tables.Header)
            {
                reading.Unknown(record.At, $"element {record.Name} in {parent} is not an SSDA903 record; it is ignored");
                return;
            }
            table = match.Table;
        }
        Row(table, record.At with { Column = 0 }, Fields(record, table, reading, []), reading, shared);
    }

    // The fields of a record, by column name (upper-case, CHILDID → CHILD, PL → PLACE); records nested in it are skipped (the caller
    // reads HEADER's), and a record where a field belongs is an error.
    private static Dictionary<string, (string? Value, Location At)> Fields(Node record, TableSchema table, Reading reading, TableSchema[] alsoFrom)
    {
        var fields = new Dictionary<string, (string?, Location)>(StringComparer.Ordinal);
        foreach (var n in record.Children ?? [])
        {
            var name = FieldNames.GetValueOrDefault(n.Name, n.Name).ToUpperInvariant();
            if (n.Children is not null)
            {
                // HEADER holds records (AREVIEW, OC2, …) beside its fields; one of its own fields holding elements is as wrong as anywhere else.
                if (table != Tables.Header || table.IndexOf(name) >= 0 || alsoFrom.Any(t => t.IndexOf(name) >= 0))
                    reading.Error(n.At, $"element {n.Name} inside {record.Name} holds elements; {(table == Tables.Header && table.IndexOf(name) >= 0 || alsoFrom.Any(t => t.IndexOf(name) >= 0) ? $"{n.Name} is a field and holds only text" : $"{record.Name} holds only fields")}");
                continue;
            }
            if (table.IndexOf(name) < 0 && !alsoFrom.Any(t => t.IndexOf(name) >= 0))
            {
                if (table == Tables.Header && RecordElements.ContainsKey(n.Name)) continue;
                reading.Unknown(n.At, $"field {n.Name} is not part of {table.Name}; it is ignored");
                continue;
            }
            // A repeated field would keep only one of its values, silently: refused instead.
            if (fields.TryGetValue(name, out var first))
                reading.Error(n.At, $"field {n.Name} appears twice in {record.Name} (first at line {first.Item2.Line}); give it once");
            else fields[name] = (n.Text, n.At);
        }
        return fields;
    }

    private static void Row(TableSchema table, Location row, IReadOnlyDictionary<string, (string? Value, Location At)> fields, Reading reading, Func<string, string?> shared)
    {
        var values = new string?[table.Columns.Count];
        var at = new Location[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            var col = table.Columns[k];
            if (fields.TryGetValue(col, out var f)) (values[k], at[k]) = (CsvTableReader.Normalise(f.Value, col != "CHILD"), f.At);
            else
            {
                at[k] = row;
                // The child's identifier, date of birth and sex come from HEADER.
                if (col is "CHILD" or "DOB" or "SEX") values[k] = CsvTableReader.Normalise(shared(col), col != "CHILD");
            }
        }
        if (table != Tables.Header && shared("CHILD") is { } id) values[0] = CsvTableReader.Normalise(id, false);
        reading.Counts[table] = reading.Counts.GetValueOrDefault(table) + 1;
        reading.OnRow(new SourceRow(table, row, values, at));
    }

    // XmlReader gives no position for a prohibited DTD: find the declaration in the prolog (it must come before the root element).
    private static (int Line, int Column) FindDoctype(InputFile input)
    {
        using var text = new StreamReader(input.Open());
        int n = 0;
        while (n < 1000 && text.ReadLine() is { } line)
        {
            n++;
            int i = line.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (i >= 0) return (n, i + 1);
        }
        return (0, 0);
    }
}
