using Qp.Domain.Returns;

namespace Qp.Validate;

/// <summary>
/// What validation knows of the same authority's return for the year before, which the previous-year rules compare with this
/// year's: each child's episodes, and the rows of the tables those rules read (<see cref="KeptTables"/>). Rows of other tables
/// (Reviews, social worker episodes, …) are not kept, so the facts stay small whatever the size of last year's return.
/// </summary>
public sealed class PreviousReturn
{
    private static readonly IReadOnlyList<PreviousRow> None = [];
    private readonly Dictionary<string, Episode> latest = new(StringComparer.Ordinal);

    // Per kept table, each child's rows: one array per child (almost always of one row), no list or composite key per row.
    private readonly Dictionary<string, Dictionary<string, PreviousRow[]>> byTable = new(StringComparer.Ordinal);

    /// <summary>The tables whose rows are kept: the ones the DfE's previous-year rules read.</summary>
    public static readonly IReadOnlySet<string> KeptTables = new HashSet<string>(StringComparer.Ordinal)
        { "Header", "Episodes", "UASC", "OC3", "PlacedAdoption", "Missing", "DoLo" };

    /// <summary>The kept tables with their columns in schema order: what a store is asked for to give the same rows as a return's files.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KeptColumns =
        KeptTables.ToDictionary(t => t, t => Tables.ByName(t)!.Columns, StringComparer.Ordinal);

    /// <summary>The facts of return <paramref name="year"/> from its <paramref name="episodes"/> (in any order) alone.</summary>
    public PreviousReturn(int year, IEnumerable<Episode> episodes) : this(year, episodes, []) { }

    /// <summary>
    /// The facts of return <paramref name="year"/> from the <paramref name="tableRows"/> of its kept tables (rows of other tables are
    /// dropped); a table with no row here counts as absent from last year's return, and each child's latest episode is read from
    /// its Episodes rows; <paramref name="earlierInCare"/> and <paramref name="historyFrom"/> as <see cref="EarlierInCare"/> and
    /// <see cref="HistoryFrom"/> say.
    /// </summary>
    public static PreviousReturn FromRows(int year, IEnumerable<PreviousRow> tableRows, IReadOnlySet<string>? earlierInCare = null, int? historyFrom = null) =>
        new(year, [], tableRows) { EarlierInCare = earlierInCare ?? new HashSet<string>(), HistoryFrom = historyFrom ?? year };

    /// <summary>
    /// The facts of return <paramref name="year"/> from its <paramref name="episodes"/> and the <paramref name="tableRows"/> of its
    /// kept tables (rows of other tables are dropped); a table with no row here counts as absent from last year's return. A child
    /// not among <paramref name="episodes"/> has its latest episode read from its Episodes rows.
    /// </summary>
    public PreviousReturn(int year, IEnumerable<Episode> episodes, IEnumerable<PreviousRow> tableRows)
    {
        Year = year;
        foreach (var e in episodes)
            if (!latest.TryGetValue(e.Child, out var l) || e.Decom > l.Decom) latest[e.Child] = e;
        // Rows come table by table: the table's dictionary is looked up again only when the table changes.
        Dictionary<string, PreviousRow[]>? children = null;
        string? lastTable = null;
        foreach (var r in tableRows)
        {
            if (children is null || !ReferenceEquals(r.Table, lastTable))
            {
                if (!KeptTables.Contains(r.Table)) continue;
                if (!byTable.TryGetValue(r.Table, out children)) byTable[r.Table] = children = new(StringComparer.Ordinal);
                lastTable = r.Table;
            }
            children[r.Child] = children.TryGetValue(r.Child, out var had) ? [.. had, r] : [r];
        }
    }

    /// <summary>
    /// The children looked after in a return stored for a year before the previous one (empty when only last year's return is
    /// known, as with <c>--previous</c>): their care began before the two years compared, so rules that judge a care leaver's
    /// whole history from those two years (the DfE's 1001, 1002) leave them alone.
    /// </summary>
    public IReadOnlySet<string> EarlierInCare { get; init; } = new HashSet<string>();

    private readonly int? historyFrom;

    /// <summary>
    /// The first collection year whose episodes are known: the first of the unbroken run of stored returns ending with this one, or
    /// this return's own year when only it is known (as with <c>--previous</c>).
    /// </summary>
    public int HistoryFrom { get => historyFrom ?? Year; init => historyFrom = value; }

    /// <summary>The collection year of the previous return.</summary>
    public int Year { get; }

    /// <summary>The child's latest episode in the previous return (by DECOM), or null when the child is not in it.</summary>
    public Episode? LatestOf(string child)
    {
        if (latest.TryGetValue(child, out var e)) return e;
        if (fromRows.TryGetValue(child, out e)) return e;
        return fromRows[child] = LatestRow(child);
    }

    // Latest episodes read from Episodes rows, each child's once, when a rule first asks (most children are never asked for).
    private readonly Dictionary<string, Episode?> fromRows = new(StringComparer.Ordinal);

    // The first row with the latest valid DECOM, as a domain episode (as a return's reader maps it).
    private Episode? LatestRow(string child)
    {
        PreviousRow? best = null;
        DateOnly bestDecom = default;
        foreach (var r in RowsOf("Episodes", child))
            if (Codes.Date(r["DECOM"]) is { } d && (best is null || d > bestDecom)) (best, bestDecom) = (r, d);
        return best is null ? null : new Episode(child, bestDecom, best["RNE"]!, best["LS"]!, best["CIN"], best["PLACE"], best["PLACE_PROVIDER"],
            Codes.Date(best["DEC"]), best["REC"], best["REASON_PLACE_CHANGE"], best["HOME_POST"], best["PL_POST"], best["URN"]);
    }

    /// <summary>Whether the previous return is known to have held table <paramref name="table"/> (at least one row of it is kept).</summary>
    public bool Holds(string table) => byTable.ContainsKey(table);

    /// <summary>The child's rows of <paramref name="table"/> in the previous return, in file order (empty when none).</summary>
    public IReadOnlyList<PreviousRow> RowsOf(string table, string child) =>
        byTable.TryGetValue(table, out var children) && children.TryGetValue(child, out var rows) ? rows : None;

    /// <summary>The children with at least one row of <paramref name="table"/> in the previous return.</summary>
    public IReadOnlyCollection<string> ChildrenIn(string table) =>
        byTable.TryGetValue(table, out var children) ? children.Keys : (IReadOnlyCollection<string>)Array.Empty<string>();
}

/// <summary>One row of last year's return kept for the previous-year rules: its values in the order of its table's columns.</summary>
public sealed class PreviousRow
{
    private readonly string?[] values;

    /// <summary>A row of <paramref name="schema"/> whose values (blank cells null) are in the order of its columns.</summary>
    public PreviousRow(TableSchema schema, string child, string?[] values)
    {
        if (values.Length != schema.Columns.Count) throw new ArgumentException($"a {schema.Name} row has {schema.Columns.Count} values, not {values.Length}", nameof(values));
        (Schema, Child, this.values) = (schema, child, values);
    }

    /// <summary>A row of table <paramref name="table"/> given by column name (columns not given are blank), e.g. one made by hand.</summary>
    public PreviousRow(string table, string child, IReadOnlyDictionary<string, string?> fields)
        : this(SchemaOf(table), child, [.. SchemaOf(table).Columns.Select(c => fields.GetValueOrDefault(c))])
    {
    }

    private static TableSchema SchemaOf(string table) => Tables.ByName(table) ?? throw new ArgumentException($"no table {table}", nameof(table));

    /// <summary>The row's table.</summary>
    public TableSchema Schema { get; }

    /// <summary>The table's name, as in <see cref="Tables"/> (Header, Episodes, UASC, OC3, PlacedAdoption, Missing, DoLo).</summary>
    public string Table => Schema.Name;

    /// <summary>The child's identifier (CHILD).</summary>
    public string Child { get; }

    /// <summary>The value of <paramref name="column"/>, or null when blank or not a column of the table.</summary>
    public string? this[string column] => Schema.IndexOf(column) is var i and >= 0 ? values[i] : null;

    /// <summary>The row's values by column name, every column of the table (dates dd/mm/yyyy; blank cells null).</summary>
    public IReadOnlyDictionary<string, string?> Fields => Schema.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => values[p.i], StringComparer.Ordinal);

    /// <summary>The row of <paramref name="row"/>'s table with its values (the child from CHILD).</summary>
    public static PreviousRow From(SourceRow row)
    {
        var v = new string?[row.Table.Columns.Count];
        for (int i = 0; i < v.Length; i++) v[i] = string.IsNullOrWhiteSpace(row.Value(i)) ? null : row.Value(i)!.Trim();
        return new PreviousRow(row.Table, row.Child ?? "", v);
    }
}
