namespace Qp.Validate;

/// <summary>One SSDA903 table: its name and the columns that identify it.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> index;

    /// <summary>Creates a table schema.</summary>
    public TableSchema(string name, bool core, params string[] columns)
    {
        Name = name;
        Core = core;
        Columns = columns;
        // Column names are upper-case both in the schema and wherever they are looked up (readers upper-case headers).
        index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The table's name, e.g. Episodes.</summary>
    public string Name { get; }

    /// <summary>True for the tables the indicators read (stored in their own store tables); false for the others (stored as JSON).</summary>
    public bool Core { get; }

    /// <summary>The columns, in SPEC order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The position of <paramref name="column"/> in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string column) => index.TryGetValue(column, out int i) ? i : -1;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>How a file's header row matched a table: where each schema column is, and what is missing or extra.</summary>
/// <param name="Table">The table recognised.</param>
/// <param name="SourceIndex">For each schema column, its 0-based position in the file, or -1 when missing.</param>
/// <param name="Missing">Schema columns absent from the file.</param>
/// <param name="Unknown">File columns that are not in the schema, with their 0-based position.</param>
public sealed record TableMatch(TableSchema Table, int[] SourceIndex, IReadOnlyList<string> Missing, IReadOnlyList<(string Name, int Index)> Unknown);

/// <summary>The SSDA903 tables of SPEC §2, recognised by their set of column headers.</summary>
public static class Tables
{
    /// <summary>Header: one row per child.</summary>
    public static readonly TableSchema Header = new("Header", true, "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB");

    /// <summary>Episodes: one row per legal status and placement episode.</summary>
    public static readonly TableSchema Episodes = new("Episodes", true, "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
        "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");

    /// <summary>OC1: care leavers' qualifications (QP era).</summary>
    public static readonly TableSchema Oc1 = new("OC1", true, "CHILD", "DOB", "QUAL_GCSE_GNVQ", "QUAL_5AC");

    /// <summary>OC2: outcomes of children looked after continuously for 12 months.</summary>
    public static readonly TableSchema Oc2 = new("OC2", true, "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");

    /// <summary>CPR: child protection registrations made in the year.</summary>
    public static readonly TableSchema Cpr = new("CPR", true, "CHILD", "DOB", "REG_DATE", "DEREG_DATE", "CATEGORY", "PREV_REG");

    /// <summary>Unaccompanied asylum-seeking children.</summary>
    public static readonly TableSchema Uasc = new("UASC", false, "CHILD", "SEX", "DOB", "DUC");

    /// <summary>OC3: care leavers' accommodation and activity.</summary>
    public static readonly TableSchema Oc3 = new("OC3", false, "CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM");

    /// <summary>AD1: adoptions.</summary>
    public static readonly TableSchema Ad1 = new("AD1", false, "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR");

    /// <summary>Children placed for adoption.</summary>
    public static readonly TableSchema PlacedAdoption = new("PlacedAdoption", false, "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED");

    /// <summary>Previous permanence.</summary>
    public static readonly TableSchema PrevPerm = new("PrevPerm", false, "CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM");

    /// <summary>Missing and away from placement.</summary>
    public static readonly TableSchema Missing = new("Missing", false, "CHILD", "DOB", "MISSING", "MIS_START", "MIS_END");

    /// <summary>Reviews.</summary>
    public static readonly TableSchema Reviews = new("Reviews", false, "CHILD", "DOB", "REVIEW", "REVIEW_CODE");

    /// <summary>Social worker episodes (DfE, from 2023-24).</summary>
    public static readonly TableSchema SwEpisodes = new("SWEpisodes", false, "CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON");

    /// <summary>Deprivation of liberty orders (DfE, from 2026-27).</summary>
    public static readonly TableSchema DoLo = new("DoLo", false, "CHILD", "DOB", "DOLO_START", "DOLO_END");

    /// <summary>Every table, core tables first.</summary>
    public static readonly IReadOnlyList<TableSchema> All = [Header, Episodes, Oc1, Oc2, Cpr, Uasc, Oc3, Ad1, PlacedAdoption, PrevPerm, Missing, Reviews, SwEpisodes, DoLo];

    /// <summary>The table with this name (case-insensitive), or null.</summary>
    public static TableSchema? ByName(string name) => All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Recognises a table by its header names: a table all of whose columns are present wins (the largest such);
    /// otherwise the table sharing most columns, provided CHILD and at least one other column match. Null when nothing fits.
    /// </summary>
    public static TableMatch? Recognise(IReadOnlyList<string> headers)
    {
        var names = headers.Select(h => h.Trim().ToUpperInvariant()).ToArray();
        TableSchema? best = null;
        int bestScore = -1;
        foreach (var t in All)
        {
            int matched = t.Columns.Count(c => names.Contains(c));
            if (!names.Contains("CHILD") || matched < 2) continue;
            // Complete matches rank above any partial one; then more matched columns; then fewer absent ones.
            int score = (matched == t.Columns.Count ? 10_000 : 0) + matched * 100 - (t.Columns.Count - matched);
            if (score > bestScore) (best, bestScore) = (t, score);
        }
        if (best is null) return null;
        var src = best.Columns.Select(c => Array.IndexOf(names, c)).ToArray();
        var missing = best.Columns.Where((c, i) => src[i] < 0).ToArray();
        var unknown = names.Select((n, i) => (n, i)).Where(p => best.IndexOf(p.n) < 0).Select(p => (headers[p.i].Trim(), p.i)).ToArray();
        return new TableMatch(best, src, missing, unknown);
    }
}
