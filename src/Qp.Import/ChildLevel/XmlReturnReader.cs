using System.Xml;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>
/// Streams an Expanded SSDA903 XML file: root EXPSSDA903, repeated CHILD elements holding HEADER (CHILDID → CHILD, optional OC2 and
/// other record elements) and EPISODE elements (PL → PLACE). DTDs are prohibited and no resolver is set, so entities are never expanded.
/// Only one CHILD element's rows are held at a time.
/// </summary>
internal static class XmlReturnReader
{
    private static readonly Dictionary<string, TableSchema> RecordTables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HEADER"] = Tables.Header, ["EPISODE"] = Tables.Episodes, ["OC1"] = Tables.Oc1, ["OC2"] = Tables.Oc2, ["CPR"] = Tables.Cpr,
        ["UASC"] = Tables.Uasc, ["OC3"] = Tables.Oc3, ["AD1"] = Tables.Ad1, ["PLACED_ADOPTION"] = Tables.PlacedAdoption,
        ["PLACEDADOPTION"] = Tables.PlacedAdoption, ["PREV_PERM"] = Tables.PrevPerm, ["PREVPERM"] = Tables.PrevPerm,
        ["MISSING"] = Tables.Missing, ["REVIEW"] = Tables.Reviews, ["REVIEWS"] = Tables.Reviews,
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase) { ["CHILDID"] = "CHILD", ["PL"] = "PLACE" };

    /// <summary>Reads <paramref name="path"/>, returning rows per table; problems are reported, never thrown.</summary>
    public static IReadOnlyList<FileTable> Read(string path, RuleContext ctx, Action<SourceRow> onRow)
    {
        var file = Path.GetFileName(path);
        var counts = new Dictionary<TableSchema, int>();
        var unknownSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
            using var r = reader = XmlReader.Create(path, settings);
            var info = (IXmlLineInfo)r;
            if (!r.ReadToFollowing("EXPSSDA903") && r.ReadState == ReadState.EndOfFile)
            {
                ctx.Report(FileRules.UnrecognisedFile, new Location(file, 1, 0), "the root element is not EXPSSDA903");
                return [new FileTable(path, null, 0)];
            }
            if (r.Depth != 0)
            {
                ctx.Report(FileRules.UnrecognisedFile, new Location(file, info.LineNumber, info.LinePosition), "EXPSSDA903 is not the root element");
                return [new FileTable(path, null, 0)];
            }
            if (!r.IsEmptyElement)
            {
                r.Read();
                while (r.NodeType == XmlNodeType.Element)
                {
                    if (r.LocalName.Equals("CHILD", StringComparison.OrdinalIgnoreCase)) ReadChild(r, file, ctx, counts, unknownSeen, onRow);
                    else
                    {
                        Unknown(ctx, unknownSeen, file, info, $"element {r.LocalName} under EXPSSDA903 is not a CHILD; it is ignored");
                        r.Skip();
                    }
                }
            }
        }
        catch (XmlException e)
        {
            bool dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("entit", StringComparison.OrdinalIgnoreCase);
            // Some XmlExceptions carry no position; the reader then knows where it stopped.
            var (line, col) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition)
                : reader is IXmlLineInfo li && li.HasLineInfo() && li.LineNumber > 0 ? (li.LineNumber, li.LinePosition)
                : dtd ? FindDoctype(path) : (0, 0);
            ctx.Report(dtd ? FileRules.XmlDtd : FileRules.Malformed, new Location(file, line, col),
                dtd ? "the file contains a DTD or entity declaration, which is not allowed" : $"the XML is not well-formed: {e.Message}");
        }
        if (!counts.ContainsKey(Tables.Header) && !counts.ContainsKey(Tables.Episodes) && counts.Count == 0)
            return [new FileTable(path, null, 0)];
        return counts.Select(kv => new FileTable(path, kv.Key.Name, kv.Value)).ToArray();
    }

    private static void ReadChild(XmlReader r, string file, RuleContext ctx, Dictionary<TableSchema, int> counts, HashSet<string> unknownSeen, Action<SourceRow> onRow)
    {
        var info = (IXmlLineInfo)r;
        var records = new List<(TableSchema Table, Location Row, Dictionary<string, (string? Value, Location At)> Fields)>();
        string? childId = null;
        if (r.IsEmptyElement) { r.Read(); return; }
        int depth = r.Depth;
        r.Read();
        while (r.Depth > depth)
        {
            if (r.NodeType != XmlNodeType.Element) { r.Read(); continue; }
            ReadRecord(r, file, ctx, unknownSeen, records, ref childId);
        }
        r.ReadEndElement();
        foreach (var (table, row, fields) in records)
        {
            var values = new string?[table.Columns.Count];
            var at = new Location[values.Length];
            for (int k = 0; k < values.Length; k++)
            {
                var col = table.Columns[k];
                if (fields.TryGetValue(col, out var f)) (values[k], at[k]) = (CsvTableReader.Normalise(f.Value, col != "CHILD"), f.At);
                else at[k] = row;
            }
            // Records other than HEADER carry the child's id only through their CHILD element.
            if (values[0] is null) values[0] = childId;
            counts[table] = counts.GetValueOrDefault(table) + 1;
            onRow(new SourceRow(table, row, values, at));
        }
    }

    // Reads one record element (HEADER, EPISODE, OC2, …) whose leaf children are fields; nested record elements are read recursively.
    private static void ReadRecord(XmlReader r, string file, RuleContext ctx, HashSet<string> unknownSeen,
        List<(TableSchema, Location, Dictionary<string, (string?, Location)>)> records, ref string? childId)
    {
        var info = (IXmlLineInfo)r;
        var rowAt = new Location(file, info.LineNumber, 0);
        if (!RecordTables.TryGetValue(r.LocalName, out var table))
        {
            Unknown(ctx, unknownSeen, file, info, $"element {r.LocalName} is not an SSDA903 record; it is ignored");
            r.Skip();
            return;
        }
        var fields = new Dictionary<string, (string?, Location)>(StringComparer.OrdinalIgnoreCase);
        records.Add((table, rowAt, fields));
        if (r.IsEmptyElement) { r.Read(); return; }
        int depth = r.Depth;
        r.Read();
        while (r.Depth > depth)
        {
            if (r.NodeType != XmlNodeType.Element) { r.Read(); continue; }
            var name = FieldNames.GetValueOrDefault(r.LocalName, r.LocalName).ToUpperInvariant();
            if (RecordTables.ContainsKey(r.LocalName)) { ReadRecord(r, file, ctx, unknownSeen, records, ref childId); continue; }
            var at = new Location(file, info.LineNumber, info.LinePosition);
            if (table.IndexOf(name) < 0) Unknown(ctx, unknownSeen, file, info, $"field {r.LocalName} is not part of {table.Name}; it is ignored");
            var value = r.ReadElementContentAsString();
            fields[name] = (value, at);
            if (table == Tables.Header && name == "CHILD") childId = CsvTableReader.Normalise(value, false);
        }
        r.ReadEndElement();
    }

    // XmlReader gives no position for a prohibited DTD: find the declaration in the prolog (it must come before the root element).
    private static (int Line, int Column) FindDoctype(string path)
    {
        using var text = new StreamReader(path);
        int n = 0;
        while (n < 1000 && text.ReadLine() is { } line)
        {
            n++;
            int i = line.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (i >= 0) return (n, i + 1);
        }
        return (0, 0);
    }

    private static void Unknown(RuleContext ctx, HashSet<string> seen, string file, IXmlLineInfo info, string message)
    {
        if (seen.Add(message)) ctx.Report(FileRules.UnknownColumn, new Location(file, info.LineNumber, info.LinePosition), message);
    }
}
