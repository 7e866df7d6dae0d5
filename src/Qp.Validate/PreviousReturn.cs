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
    private readonly Dictionary<(string Table, string Child), List<PreviousRow>> rows = new();
    private readonly Dictionary<string, HashSet<string>> children = new(StringComparer.Ordinal);

    /// <summary>The tables whose rows are kept: the ones the DfE's previous-year rules read.</summary>
    public static readonly IReadOnlySet<string> KeptTables = new HashSet<string>(StringComparer.Ordinal)
        { "Header", "Episodes", "UASC", "OC3", "PlacedAdoption", "Missing", "DoLo" };

    /// <summary>The facts of return <paramref name="year"/> from its <paramref name="episodes"/> (in any order) alone.</summary>
    public PreviousReturn(int year, IEnumerable<Episode> episodes) : this(year, episodes, []) { }

    /// <summary>
    /// The facts of return <paramref name="year"/> from its <paramref name="episodes"/> and the <paramref name="tableRows"/> of its
    /// kept tables (rows of other tables are dropped); a table with no row here counts as absent from last year's return.
    /// </summary>
    public PreviousReturn(int year, IEnumerable<Episode> episodes, IEnumerable<PreviousRow> tableRows)
    {
        Year = year;
        foreach (var e in episodes)
            if (!latest.TryGetValue(e.Child, out var l) || e.Decom > l.Decom) latest[e.Child] = e;
        foreach (var r in tableRows)
        {
            if (!KeptTables.Contains(r.Table)) continue;
            if (!rows.TryGetValue((r.Table, r.Child), out var list)) rows[(r.Table, r.Child)] = list = [];
            list.Add(r);
            if (!children.TryGetValue(r.Table, out var set)) children[r.Table] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(r.Child);
        }
    }

    /// <summary>
    /// The children looked after in a return stored for a year before the previous one (empty when only last year's return is
    /// known, as with <c>--previous</c>): their care began before the two years compared, so rules that judge a care leaver's
    /// whole history from those two years (the DfE's 1001, 1002) leave them alone.
    /// </summary>
    public IReadOnlySet<string> EarlierInCare { get; init; } = new HashSet<string>();

    /// <summary>The collection year of the previous return.</summary>
    public int Year { get; }

    /// <summary>The child's latest episode in the previous return (by DECOM), or null when the child is not in it.</summary>
    public Episode? LatestOf(string child) => latest.GetValueOrDefault(child);

    /// <summary>Whether the previous return is known to have held table <paramref name="table"/> (at least one row of it is kept).</summary>
    public bool Holds(string table) => children.ContainsKey(table);

    /// <summary>The child's rows of <paramref name="table"/> in the previous return, in file order (empty when none).</summary>
    public IReadOnlyList<PreviousRow> RowsOf(string table, string child) => rows.TryGetValue((table, child), out var list) ? list : None;

    /// <summary>The children with at least one row of <paramref name="table"/> in the previous return.</summary>
    public IReadOnlyCollection<string> ChildrenIn(string table) =>
        children.TryGetValue(table, out var set) ? set : (IReadOnlyCollection<string>)Array.Empty<string>();
}

/// <summary>One row of last year's return kept for the previous-year rules.</summary>
/// <param name="Table">The table's name, as in <see cref="Tables"/> (Header, Episodes, UASC, OC3, PlacedAdoption, Missing, DoLo).</param>
/// <param name="Child">The child's identifier (CHILD).</param>
/// <param name="Fields">The row's values by column name, as written in a return (dates dd/mm/yyyy; blank cells null).</param>
public sealed record PreviousRow(string Table, string Child, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The value of <paramref name="column"/>, or null when blank or not in the row.</summary>
    public string? this[string column] => Fields.GetValueOrDefault(column);

    /// <summary>The row of <paramref name="row"/>'s table with its values by column name (the child from CHILD).</summary>
    public static PreviousRow From(SourceRow row)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < row.Table.Columns.Count; i++)
            fields[row.Table.Columns[i]] = string.IsNullOrWhiteSpace(row.Value(i)) ? null : row.Value(i)!.Trim();
        return new PreviousRow(row.Table.Name, row.Child ?? "", fields);
    }
}
