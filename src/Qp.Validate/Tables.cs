using System.Collections.Frozen;

namespace Qp.Validate;

/// <summary>
/// One SSDA903 table: its name, every column it has had in any collection year (in the DfE's order), the years the DfE collects
/// the table, and the years each column is required. A column outside its years is still accepted (read when present), so a return
/// laid out as in an earlier or later year is never refused for it.
/// </summary>
public sealed class TableSchema
{
    // Columns every table shares; the others identify the table.
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal) { "CHILD", "DOB", "SEX" };

    // Rules look columns up by name on every row (tens of millions of look-ups on an England year): a frozen table hashes them fastest.
    private readonly FrozenDictionary<string, int> index;

    /// <summary>Creates a table schema whose columns are required in every year the table is collected (see <see cref="ColumnYears"/>).</summary>
    public TableSchema(string name, bool core, params string[] columns)
    {
        Name = name;
        Core = core;
        Columns = columns;
        // Column names are upper-case both in the schema and wherever they are looked up (readers upper-case headers).
        index = columns.Select((c, i) => (c, i)).ToFrozenDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        Keys = columns.Where(c => !Shared.Contains(c)).ToArray();
    }

    /// <summary>The table's name, e.g. Episodes.</summary>
    public string Name { get; }

    /// <summary>True for the tables the indicators read (stored in their own store tables); false for the others (stored as JSON).</summary>
    public bool Core { get; }

    /// <summary>Every column of any year, in the DfE's order; rows hold their values in this order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns that identify the table: all but CHILD, DOB and SEX, which several tables share.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The collection years the DfE collects the table (all years unless stated).</summary>
    public YearsInForce Years { get; init; } = YearsInForce.Always;

    /// <summary>Columns required only in some years (all others are required whenever the table is collected); outside them they are optional.</summary>
    public IReadOnlyDictionary<string, YearsInForce> ColumnYears { get; init; } = new Dictionary<string, YearsInForce>();

    /// <summary>The position of <paramref name="column"/> in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string column) => index.TryGetValue(column, out int i) ? i : -1;

    /// <summary>Whether a file of this table for collection year <paramref name="year"/> must have <paramref name="column"/>.</summary>
    public bool Requires(string column, int year) => IndexOf(column) >= 0 && ColumnYears.GetValueOrDefault(column, YearsInForce.Always).Contains(year);

    /// <summary>The columns a file of this table must have in collection year <paramref name="year"/>, in order.</summary>
    public IReadOnlyList<string> RequiredIn(int year) => Columns.Where(c => Requires(c, year)).ToArray();

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>How a file's header row matched a table: where each schema column is, and what is missing or extra.</summary>
/// <param name="Table">The table recognised.</param>
/// <param name="SourceIndex">For each schema column, its 0-based position in the file, or -1 when absent.</param>
/// <param name="Missing">Columns required in the year that the file lacks.</param>
/// <param name="Unknown">File columns that are not in the schema, with their 0-based position.</param>
public sealed record TableMatch(TableSchema Table, int[] SourceIndex, IReadOnlyList<string> Missing, IReadOnlyList<(string Name, int Index)> Unknown);

/// <summary>
/// The SSDA903 tables, recognised by their set of column headers. Header, Episodes, OC1, OC2 and CPR are SPEC §2's tables; the
/// others are the DfE's, with the columns of the DfE's layout (data-to-insight's validator is the yardstick from 2017-18 on, whose
/// layout adds DOB to every table but Episodes). Before 2017-18 the DfE columns we have no layout for are optional.
/// </summary>
public static class Tables
{
    // The first collection year whose DfE CSV layout is known column for column (2017-18).
    private const int KnownLayout = 2018;

    private static readonly YearsInForce FromKnownLayout = YearsInForce.Since(KnownLayout);

    /// <summary>Header: one row per child.</summary>
    public static readonly TableSchema Header = new("Header", true, "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC")
    {
        // The UASC flag (0 or 1) is a field of the XML's HEADER only: a CSV return says it with a row of its UASC table instead.
        // Required up to collection year 0, that is never.
        ColumnYears = new Dictionary<string, YearsInForce> { ["UASC"] = YearsInForce.Until(0) },
    };

    /// <summary>Episodes: one row per legal status and placement episode (URN from 2014-15, REASON_PLACE_CHANGE from 2015-16).</summary>
    public static readonly TableSchema Episodes = new("Episodes", true, "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
        "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")
    {
        ColumnYears = new Dictionary<string, YearsInForce> { ["URN"] = YearsInForce.Since(2015), ["REASON_PLACE_CHANGE"] = YearsInForce.Since(2016) },
    };

    /// <summary>OC1: care leavers' qualifications (QP era).</summary>
    public static readonly TableSchema Oc1 = new("OC1", true, "CHILD", "DOB", "QUAL_GCSE_GNVQ", "QUAL_5AC");

    /// <summary>OC2: outcomes of children looked after continuously for 12 months.</summary>
    public static readonly TableSchema Oc2 = new("OC2", true, "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");

    /// <summary>CPR: child protection registrations made in the year.</summary>
    public static readonly TableSchema Cpr = new("CPR", true, "CHILD", "DOB", "REG_DATE", "DEREG_DATE", "CATEGORY", "PREV_REG");

    /// <summary>Reviews: the child's reviews and how the child took part.</summary>
    public static readonly TableSchema Reviews = Dfe("Reviews", "CHILD", "DOB", "REVIEW", "REVIEW_CODE");

    /// <summary>UASC: unaccompanied asylum-seeking children and the date they ceased to be one.</summary>
    public static readonly TableSchema Uasc = Dfe("UASC", "CHILD", "SEX", "DOB", "DUC");

    /// <summary>OC3: care leavers' contact, activity and accommodation.</summary>
    public static readonly TableSchema Oc3 = Dfe("OC3", "CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM");

    /// <summary>AD1: adoptions, with the adopters.</summary>
    public static readonly TableSchema Ad1 = Dfe("AD1", "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR");

    /// <summary>PlacedAdoption: decisions that the child should be placed for adoption.</summary>
    public static readonly TableSchema PlacedAdoption = Dfe("PlacedAdoption", "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED");

    /// <summary>PrevPerm: the permanence order the child had before this period of care.</summary>
    public static readonly TableSchema PrevPerm = Dfe("PrevPerm", "CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM");

    /// <summary>Missing: periods missing or away from placement without authorisation.</summary>
    public static readonly TableSchema Missing = Dfe("Missing", "CHILD", "DOB", "MISSING", "MIS_START", "MIS_END");

    /// <summary>SWEpisodes: the child's social worker episodes (collected from 2023-24).</summary>
    public static readonly TableSchema SwEpisodes = new("SWEpisodes", false, "CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON")
    {
        Years = YearsInForce.Since(2024),
    };

    /// <summary>DoLo: deprivations of liberty (collected from 2026-27).</summary>
    public static readonly TableSchema DoLo = new("DoLo", false, "CHILD", "DOB", "DOLO_START", "DOLO_END") { Years = YearsInForce.Since(2027) };

    /// <summary>Every table, core tables first.</summary>
    public static readonly IReadOnlyList<TableSchema> All =
        [Header, Episodes, Oc1, Oc2, Cpr, Reviews, Uasc, Oc3, Ad1, PlacedAdoption, PrevPerm, Missing, SwEpisodes, DoLo];

    /// <summary>The tables the DfE collects in collection year <paramref name="year"/> (with the QP-era OC1 and CPR).</summary>
    public static IReadOnlyList<TableSchema> In(int year) => All.Where(t => t.Years.Contains(year)).ToArray();

    /// <summary>The table with this name (case-insensitive), or null.</summary>
    public static TableSchema? ByName(string name) => All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    // A DfE table whose DOB column is known from 2017-18's layout on.
    private static TableSchema Dfe(string name, params string[] columns) =>
        new(name, false, columns) { ColumnYears = new Dictionary<string, YearsInForce> { ["DOB"] = FromKnownLayout } };

    /// <summary>
    /// Recognises a table by its header names for collection year <paramref name="year"/>. CHILD must be present and at least one of
    /// the table's own columns (<see cref="TableSchema.Keys"/>); among such tables the one whose columns for the year are all present
    /// wins, then the one with most of its own columns present less the other tables' columns present. A tie, or no candidate, is
    /// null: a file is never read as a table it merely shares CHILD and DOB with.
    /// </summary>
    public static TableMatch? Recognise(IReadOnlyList<string> headers, int year)
    {
        var names = headers.Select(h => h.Trim().TrimStart('\uFEFF').Trim().ToUpperInvariant()).ToArray();
        if (!names.Contains("CHILD")) return null;
        TableSchema? best = null;
        (int Complete, int Own, int Missing) bestScore = default;
        bool tie = false;
        foreach (var t in All)
        {
            int own = t.Keys.Count(names.Contains);
            if (own == 0) continue;
            int foreign = names.Count(n => t.IndexOf(n) < 0 && All.Any(o => o != t && o.Keys.Contains(n)));
            int missing = t.RequiredIn(year).Count(c => !names.Contains(c));
            var score = (missing == 0 ? 1 : 0, own - foreign, -missing);
            int cmp = best is null ? 1 : score.CompareTo(bestScore);
            if (cmp > 0) (best, bestScore, tie) = (t, score, false);
            else if (cmp == 0) tie = true;
        }
        if (best is null || tie) return null;
        var src = best.Columns.Select(c => Array.IndexOf(names, c)).ToArray();
        var missingCols = best.RequiredIn(year).Where(c => !names.Contains(c)).ToArray();
        var unknown = names.Select((n, i) => (n, i)).Where(p => best.IndexOf(p.n) < 0).Select(p => (headers[p.i].Trim(), p.i)).ToArray();
        return new TableMatch(best, src, missingCols, unknown);
    }
}
