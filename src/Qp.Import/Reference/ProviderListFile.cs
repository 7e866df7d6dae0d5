using System.Globalization;
using Qp.Domain.Validation;
using Qp.Import.Aggregates;
using Qp.Import.Xlsx;
using Qp.Validate;

namespace Qp.Import.Reference;

/// <summary>
/// Reads Ofsted's provider lists as published (the children's homes list, the social care providers list, or the combined list),
/// as CSV or .xlsx. Each sheet whose header row has a URN column is read, columns matched by name (any case):
/// URN; placement code (Provider Placement Code, Placement code); provider code (Provider Code, Placement provider code);
/// closure date (Closed Date, Deregistration date); registration date (Registration date); postcode (Setting Postcode,
/// Setting Address Postcode, Postcode). A sheet without a postcode or a closure date gives none (a separate "Address Details"
/// sheet supplies the postcodes by URN); codes listed together ("K1/K2") are each kept.
/// </summary>
public static partial class ProviderListFile
{
    // The shape of a UK postcode without its space: outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA).
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex UkPostcode();

    private static readonly string[] Urn = ["urn"], Place = ["provider placement code", "placement code"],
        Provider = ["provider code", "placement provider code"], Closed = ["closed date", "deregistration date", "date closed"],
        Registered = ["registration date", "date registered"], Postcode = ["setting postcode", "setting address postcode", "postcode"];

    /// <summary>Whether <paramref name="headers"/> (of a CSV file, or an .xlsx file's first sheet) are a provider list's.</summary>
    public static bool Recognise(IReadOnlyList<string> headers) =>
        Table.Find(headers, Urn) >= 0 && (Table.Find(headers, Place) >= 0 || Table.Find(headers, Provider) >= 0) && !PostcodeDirectoryFile.Recognise(headers);

    /// <summary>
    /// Whether <paramref name="headers"/> look like a provider list that is not one the rules can use (a URN column, no CHILD column,
    /// no placement or provider code), so that reading it says what is missing rather than taking it for a child-level return.
    /// </summary>
    public static bool LooksLike(IReadOnlyList<string> headers) => Table.Find(headers, Urn) >= 0 && Table.Find(headers, "child") < 0 && !Recognise(headers);

    /// <summary>Reads the list at <paramref name="path"/>; every error is located (file or file[sheet], row, column) and coded OF01–OF04.</summary>
    public static ReferenceRead<ProviderInfo> Read(string path)
    {
        var name = Path.GetFileName(path);
        var errors = new List<ValidationMessage>();
        var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        int sheetsRead = 0;
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var book = XlsxStream.Open(InputFile.Read(path, InputLimits.ReferenceFileBytes), p => errors.Add(new ValidationMessage(p.Sheet is null ? name : $"{name}[{p.Sheet}]", p.Row, p.Column, Severity.Error, "OF01", p.Message)));
            if (book is null) return new([], errors, []);
            foreach (var (sheet, entry) in book.Sheets)
            {
                var rows = book.Rows(sheet, entry).ToList();
                if (rows.Count == 0) continue;
                int first = rows.Min(r => r.Cells.Count == 0 ? int.MaxValue : r.Cells.Keys.Min()), last = rows.Max(r => r.LastColumn);
                if (first > last) continue;
                var headers = Enumerable.Range(first, last - first + 1).Select(c => (rows[0][c] ?? "").Trim()).ToList();
                if (Table.Find(headers, Urn) < 0) continue;
                sheetsRead++;
                var data = rows.Skip(1).Select(r => new TableRow(r.Number, Enumerable.Range(first, headers.Count).Select(c => (r[c] ?? "").Trim()).ToArray()));
                ReadSheet(new Table($"{name}[{sheet}]", headers, []), data, entries, errors);
            }
        }
        else
        {
            var table = Table.Read(path);
            sheetsRead = Table.Find(table.Headers, Urn) >= 0 ? 1 : 0;
            if (sheetsRead == 1) ReadSheet(table, table.Rows, entries, errors);
        }
        if (errors.Count == 0 && (sheetsRead == 0 || entries.Count == 0))
            errors.Add(new ValidationMessage(name, 1, 0, Severity.Error, "OF02", "no provider found: no sheet has a URN column with providers under it"));
        if (errors.Count == 0 && entries.Values.All(e => e.Places.Count == 0 && e.Providers.Count == 0))
            errors.Add(new ValidationMessage(name, 1, 0, Severity.Error, "OF02",
                "not a provider list the DfE's rules can use: no placement code (Provider Placement Code, Placement code) nor provider code (Provider Code, Placement provider code)"));
        if (errors.Count > 0) return new([], errors, []);
        return new([.. entries.Values.Select(e => e.ToInfo())], [], []);
    }

    private static void ReadSheet(Table t, IEnumerable<TableRow> rows, Dictionary<string, Entry> entries, List<ValidationMessage> errors)
    {
        int urn = Table.Find(t.Headers, Urn), place = Table.Find(t.Headers, Place), provider = Table.Find(t.Headers, Provider),
            closed = Table.Find(t.Headers, Closed), registered = Table.Find(t.Headers, Registered), postcode = Table.Find(t.Headers, Postcode);
        foreach (var row in rows)
        {
            if (errors.Count >= PostcodeDirectoryFile.MaxErrors) return;
            if (row.Fields.All(f => f.Length == 0)) continue;
            string u = row.Fields[urn].ToUpperInvariant();
            if (u.Length == 0 || u.Length > 12 || !u.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add(Located.Error(t, row, urn, "OF03", $"URN '{(u.Length > 20 ? u[..20] + "…" : u)}' is not an Ofsted reference number (letters and digits)"));
                continue;
            }
            if (!entries.TryGetValue(u, out var e)) entries[u] = e = new Entry(u);
            if (place >= 0) e.Places.UnionWith(Codes(row.Fields[place]));
            if (provider >= 0) e.Providers.UnionWith(Codes(row.Fields[provider]));
            if (postcode >= 0 && row.Fields[postcode].Length > 0)
            {
                var pc = row.Fields[postcode].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                if (!UkPostcode().IsMatch(pc) || PostcodeTable.Key(pc) is null) errors.Add(Located.Error(t, row, postcode, "OF03", $"{t.Headers[postcode]} is not a postcode"));
                else e.Postcode ??= pc;
            }
            if (registered >= 0 && row.Fields[registered].Length > 0)
            {
                if (Date(row.Fields[registered]) is { } d) e.Registered ??= d;
                else errors.Add(Located.Error(t, row, registered, "OF04", $"{t.Headers[registered]} '{row.Fields[registered]}' is not a date (dd/mm/yyyy or yyyy-mm-dd)"));
            }
            if (closed >= 0)
            {
                // Only a sheet with a closure column says whether the provider is open: a blank there means open.
                if (row.Fields[closed].Length == 0) e.OpenSomewhere = true;
                else if (Date(row.Fields[closed]) is { } d) e.Closed = e.Closed is { } c && c > d ? c : d;
                else errors.Add(Located.Error(t, row, closed, "OF04", $"{t.Headers[closed]} '{row.Fields[closed]}' is not a date (dd/mm/yyyy or yyyy-mm-dd)"));
            }
        }
    }

    private static IEnumerable<string> Codes(string cell) =>
        cell.Split(['/', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant());

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    private static DateOnly? Date(string s) =>
        DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateOnly.FromDateTime(d) : null;

    private sealed class Entry(string urn)
    {
        public readonly SortedSet<string> Places = new(StringComparer.Ordinal), Providers = new(StringComparer.Ordinal);
        public DateOnly? Registered, Closed;
        public bool OpenSomewhere;
        public string? Postcode;

        public ProviderInfo ToInfo() => new(urn, [.. Places], [.. Providers], Registered, OpenSomewhere ? null : Closed, Postcode);
    }
}
