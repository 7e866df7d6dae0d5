using Qp.Domain.Validation;
using Qp.Import.ChildLevel;

namespace Qp.Validate.Tests;

/// <summary>
/// A tiny valid return for 805, year 2001 (1 April 2000 – 31 March 2001), edited cell by cell so each test breaks exactly one rule.
/// Child 1001: in care since 10/01/1999 (S, U4), moved 01/06/2000 (X1 then P, U5), still looked after at 31 March (has OC2).
/// Child 1002: born 15/08/1984, left care 01/12/2000 aged 16 (E8) — the A2 cohort, so has OC1. Child 7007 is only on the CPR register.
/// </summary>
public sealed class ReturnFixture
{
    /// <summary>The fixed "today" of the tests, so "not in the future" cannot drift.</summary>
    public static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>The collection year the return is written and validated for (the base return is 2000-01).</summary>
    public int Year { get; private init; } = 2001;

    /// <summary>Creates the valid 2000-01 base return.</summary>
    public ReturnFixture() { }

    /// <summary>Creates a return for <paramref name="year"/> from whole tables (the header row first), for fixtures of other eras.</summary>
    public ReturnFixture(int year, Dictionary<string, List<List<string>>> tables)
    {
        Year = year;
        this.tables = tables;
    }

    private readonly Dictionary<string, List<List<string>>> tables = new()
    {
        ["Header"] =
        [
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            ["1001", "1", "01/05/1990", "WBRI", "A12345678901A", "0", ""],
            ["1002", "2", "15/08/1984", "BAFR", "", "1", "01/02/2000"],
        ],
        ["Episodes"] =
        [
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
            ["1001", "10/01/1999", "S", "C2", "N1", "U4", "PR1", "01/06/2000", "X1", "", "TS24 8", "TS25 1", ""],
            ["1001", "01/06/2000", "P", "C2", "N1", "U5", "PR1", "", "", "", "TS24 8", "TS26 9", ""],
            ["1002", "01/02/1999", "S", "C2", "N2", "K2", "PR1", "01/12/2000", "E8", "", "TS24 8", "", "SC123456"],
        ],
        ["OC1"] =
        [
            ["CHILD", "DOB", "QUAL_GCSE_GNVQ", "QUAL_5AC"],
            ["1002", "15/08/1984", "1", "0"],
        ],
        ["OC2"] =
        [
            ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
             "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
            ["1001", "01/05/1990", "12", "", "0", "1", "1", "1", "1", "0", "0", "0"],
        ],
        ["CPR"] =
        [
            ["CHILD", "DOB", "REG_DATE", "DEREG_DATE", "CATEGORY", "PREV_REG"],
            ["7007", "03/03/1995", "01/05/2000", "01/11/2000", "NEG", "0"],
        ],
    };

    private readonly Dictionary<string, string> raw = new();

    /// <summary>The valid base return.</summary>
    public static ReturnFixture Valid() => new();

    /// <summary>Sets <paramref name="column"/> on file line <paramref name="line"/> (line 1 is the header).</summary>
    public ReturnFixture Set(string table, int line, string column, string value)
    {
        var rows = tables[table];
        rows[line - 1][rows[0].IndexOf(column)] = value;
        return this;
    }

    /// <summary>Appends a data row.</summary>
    public ReturnFixture Add(string table, params string[] values)
    {
        tables[table].Add([.. values]);
        return this;
    }

    /// <summary>Adds (or replaces) a whole table: its header row, then its data rows.</summary>
    public ReturnFixture AddTable(string table, params string[][] rows)
    {
        tables[table] = [.. rows.Select(r => r.ToList())];
        return this;
    }

    /// <summary>Adds a column (header and a value on every row).</summary>
    public ReturnFixture AddColumn(string table, string name, string value)
    {
        var rows = tables[table];
        rows[0].Add(name);
        foreach (var r in rows.Skip(1)) r.Add(value);
        return this;
    }

    /// <summary>Removes a column.</summary>
    public ReturnFixture RemoveColumn(string table, string name)
    {
        int i = tables[table][0].IndexOf(name);
        foreach (var r in tables[table]) r.RemoveAt(i);
        return this;
    }

    /// <summary>Removes a whole table (its file is not written).</summary>
    public ReturnFixture Remove(string table)
    {
        tables.Remove(table);
        return this;
    }

    private readonly Dictionary<string, byte[]> rawBytes = new();

    /// <summary>Writes a file with exactly these bytes (for input that is not UTF-8).</summary>
    public ReturnFixture Raw(string fileName, byte[] content)
    {
        rawBytes[fileName] = content;
        return this;
    }

    /// <summary>Writes a file with exactly this content (replacing a table's file when the name matches).</summary>
    public ReturnFixture Raw(string fileName, string content)
    {
        raw[fileName] = content;
        return this;
    }

    private string? xml;
    private Func<List<string>, IEnumerable<string>>? workbookEpisodes;
    private readonly Dictionary<string, string> links = [];

    /// <summary>Makes the return the workbook 805_2001.xlsx (one sheet per table, inline strings), with <paramref name="editEpisodes"/> applied to the Episodes sheet's &lt;row&gt; elements.</summary>
    public ReturnFixture AsWorkbook(Func<List<string>, IEnumerable<string>>? editEpisodes = null)
    {
        workbookEpisodes = editEpisodes ?? (rows => rows);
        return this;
    }

    /// <summary>Puts a symbolic link named <paramref name="fileName"/> to <paramref name="target"/> in the return folder, in place of that file.</summary>
    public ReturnFixture Link(string fileName, string target)
    {
        links[fileName] = target;
        return this;
    }

    private PreviousReturn? previous;

    /// <summary>
    /// Gives the authority's 2000 return (for the previous-year rules) as episodes "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER [DEC REC]".
    /// </summary>
    public ReturnFixture WithPrevious(params string[] episodes)
    {
        previous = new PreviousReturn(2000, episodes.Select(text =>
        {
            var t = text.Split(' ');
            return new Domain.Returns.Episode(t[0], Codes.Date(t[1])!.Value, t[2], t[3], t[4], t[5], t[6],
                t.Length > 8 ? Codes.Date(t[7]) : null, t.Length > 8 ? t[8] : null, null, null, null, null);
        }));
        return this;
    }

    /// <summary>Gives <paramref name="last"/> as last year's return, read from its files as <c>--previous</c> reads it.</summary>
    public ReturnFixture WithPreviousReturn(ReturnFixture last, int? historyFrom = null)
    {
        var root = Directory.CreateTempSubdirectory("qp-previous-").FullName;
        try
        {
            previous = PreviousReturns.FromFiles(Submission.Find(last.WriteTo(root)).Single(), last.Year, historyFrom);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        return this;
    }

    /// <summary>Gives <paramref name="last"/> (any source: files or the store) as last year's return.</summary>
    public ReturnFixture WithPreviousReturn(PreviousReturn last) => WithPrevious(last);

    /// <summary>Gives last year's return as it is (episodes and the rows of its kept tables), for the DfE's previous-year rules.</summary>
    public ReturnFixture WithPrevious(PreviousReturn last)
    {
        previous = last;
        return this;
    }

    /// <summary>Gives last year's return (collection year <paramref name="year"/>) as rows of its other tables only, e.g. its UASC table.</summary>
    public ReturnFixture WithPreviousRows(int year, params PreviousRow[] rows)
    {
        previous = new PreviousReturn(year, [], rows);
        return this;
    }

    /// <summary>Last year's return agreeing with the valid fixture: 1001 and 1002 each in an episode still open at 31 March 2000.</summary>
    public static readonly string[] ConsistentPrevious = ["1001 10/01/1999 S C2 N1 U4 PR1", "1002 01/02/1999 S C2 N2 K2 PR1"];

    /// <summary>Makes the return the XML file 805_2001.xml with exactly this content instead of CSV files.</summary>
    public static ReturnFixture FromXml(string content, int year = 2001) => new() { xml = content, Year = year };

    private bool asXml;

    /// <summary>
    /// Writes the return's tables as one file in the DfE's XML (805_YYYY.xml) instead of CSV files: per child a HEADER with the Header
    /// fields, the UASC flag (Header's UASC column when it has one, else 1 for a child with a UASC row and 0 otherwise), DUC and the OC3
    /// and AD1 fields, and the child's other records (AREVIEW, AMISSING, OC2, PERMANENCE, AD_PLACED, SW_EPISODE, …); each episode an
    /// EPISODE beside HEADER. One element a line, so a field's line is easy to count.
    /// </summary>
    public ReturnFixture AsXml()
    {
        asXml = true;
        return this;
    }

    private static readonly (string Table, string Element)[] RecordElements =
    [
        ("Reviews", "AREVIEW"), ("Missing", "AMISSING"), ("OC2", "OC2"), ("PrevPerm", "PERMANENCE"), ("PlacedAdoption", "AD_PLACED"),
        ("SWEpisodes", "SW_EPISODE"), ("DoLo", "DOLO"), ("OC1", "OC1"), ("CPR", "CPR"),
    ];

    private string Xml()
    {
        IEnumerable<Dictionary<string, string>> Rows(string table, string child) => !tables.TryGetValue(table, out var rows) ? []
            : rows.Skip(1).Where(r => r[rows[0].IndexOf("CHILD")] == child).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second));
        static string E(string name, string value) => value.Length == 0 ? $"<{name} />" : $"<{name}>{System.Security.SecurityElement.Escape(value)}</{name}>";
        var sb = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n");
        var header = tables["Header"];
        foreach (var h in header.Skip(1).Select(r => header[0].Zip(r).ToDictionary(p => p.First, p => p.Second)))
        {
            string child = h["CHILD"];
            sb.Append("<CHILD>\n<HEADER>\n");
            foreach (var (k, v) in h) if (k != "UASC") sb.Append(E(k == "CHILD" ? "CHILDID" : k, v)).Append('\n');
            var uasc = Rows("UASC", child).FirstOrDefault();
            sb.Append(E("UASC", h.TryGetValue("UASC", out var flag) ? flag : uasc is null ? "0" : "1")).Append('\n');
            if (uasc is not null) sb.Append(E("DUC", uasc["DUC"])).Append('\n');
            foreach (var own in new[] { "OC3", "AD1" })
                foreach (var r in Rows(own, child))
                    foreach (var (k, v) in r) if (k is not ("CHILD" or "DOB" or "SEX")) sb.Append(E(k, v)).Append('\n');
            foreach (var (table, element) in RecordElements)
                foreach (var r in Rows(table, child))
                {
                    sb.Append('<').Append(element).Append(">\n");
                    foreach (var (k, v) in r) if (k is not ("CHILD" or "DOB" or "SEX")) sb.Append(E(k, v)).Append('\n');
                    sb.Append("</").Append(element).Append(">\n");
                }
            sb.Append("</HEADER>\n");
            foreach (var e in Rows("Episodes", child))
            {
                sb.Append("<EPISODE>\n");
                foreach (var (k, v) in e) if (k != "CHILD") sb.Append(E(k == "PLACE" ? "PL" : k, v)).Append('\n');
                sb.Append("</EPISODE>\n");
            }
            sb.Append("</CHILD>\n");
        }
        return sb.Append("</EXPSSDA903>\n").ToString();
    }

    /// <summary>Writes the return as folder 805_YYYY (or file 805_YYYY.xml) under <paramref name="root"/> and returns its path.</summary>
    public string WriteTo(string root)
    {
        if (xml is not null || asXml)
        {
            var file = Path.Combine(root, $"805_{Year}.xml");
            File.WriteAllText(file, xml ?? Xml());
            return file;
        }
        if (workbookEpisodes is not null)
        {
            var book = Path.Combine(root, $"805_{Year}.xlsx");
            Qp.Cli.Tests.Corpus.MiniXlsx.Write(book, tables.Select(t =>
            {
                var rows = Qp.Cli.Tests.Corpus.MiniXlsx.RowsFromCsv(string.Join("\n", t.Value.Select(r => string.Join(",", r))) + "\n");
                return (t.Key, t.Key == "Episodes" ? workbookEpisodes(rows) : rows);
            }).ToArray());
            return book;
        }
        var dir = Path.Combine(root, $"805_{Year}");
        Directory.CreateDirectory(dir);
        foreach (var (name, target) in links) File.CreateSymbolicLink(Path.Combine(dir, name), target);
        foreach (var (name, rows) in tables)
            if (!raw.ContainsKey(name + ".csv") && !links.ContainsKey(name + ".csv"))
                File.WriteAllText(Path.Combine(dir, name + ".csv"), string.Join("\n", rows.Select(r => string.Join(",", r))) + "\n");
        foreach (var (name, content) in raw) File.WriteAllText(Path.Combine(dir, name), content);
        foreach (var (name, content) in rawBytes) File.WriteAllBytes(Path.Combine(dir, name), content);
        return dir;
    }

    /// <summary>Postcode reference data (and the returning authority's ONS code) the validation uses; none by default.</summary>
    public (IPostcodeDirectory Directory, string? Authority) Postcodes { get; set; } = (PostcodeDirectory.None, null);

    /// <summary>Ofsted's provider lists the validation uses; none by default.</summary>
    public IProviderDirectory Providers { get; set; } = ProviderDirectory.None;

    /// <summary>Writes the return and validates it.</summary>
    public IReadOnlyList<ValidationMessage> Validate()
    {
        using var reference = PostcodeDirectory.Use(Postcodes.Directory, Postcodes.Authority);
        using var providers = ProviderDirectory.Use(Providers);
        var root = Directory.CreateTempSubdirectory("qp-validate-").FullName;
        try
        {
            var sub = Submission.Find(WriteTo(root)).Single();
            // A return of a year not yet over on the fixed Today is validated as if two months after its year ended.
            var end = Qp.Domain.CollectionYear.End(Year).AddMonths(2);
            return SubmissionReader.Validate(sub, Year, end > Today ? end : Today, previous).Messages;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The CSV text of a table, as written.</summary>
    public string Csv(string table) => string.Join("\n", tables[table].Select(r => string.Join(",", r))) + "\n";
}
