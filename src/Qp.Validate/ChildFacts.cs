using Qp.Domain;

namespace Qp.Validate;

/// <summary>The compact facts about one episode that cross-row rules need (no postcodes or identifiers are kept as text).</summary>
/// <param name="Row">Where the row is.</param>
/// <param name="DecomAt">Where DECOM is.</param>
/// <param name="RneAt">Where RNE is.</param>
/// <param name="Decom">Date the episode commenced.</param>
/// <param name="Dec">Date it ceased; null when open.</param>
/// <param name="Rne">Reason for new episode.</param>
/// <param name="Ls">Legal status.</param>
/// <param name="Place">Placement type.</param>
/// <param name="Rec">Reason ceased.</param>
/// <param name="PlacementKey">A hash of PLACE, PLACE_PROVIDER, PL_POST and URN: equal keys mean the same placement.</param>
/// <param name="Cin">Category of need.</param>
/// <param name="Provider">Placement provider.</param>
public sealed record EpisodeFact(Location Row, Location DecomAt, Location RneAt, DateOnly Decom, DateOnly? Dec,
    string? Rne, string? Ls, string? Place, string? Rec, int PlacementKey, string? Cin = null, string? Provider = null)
{
    /// <summary>Reason for placement change.</summary>
    public string? ReasonPlaceChange { get; init; }

    /// <summary>Whether HOME_POST is given.</summary>
    public bool HasHomePost { get; init; }

    /// <summary>Whether PL_POST is given.</summary>
    public bool HasPlPost { get; init; }

    /// <summary>Whether the DfE would derive PL_DISTANCE: both postcodes are in the loaded postcode directory (rule 406).</summary>
    public bool HasDistance => PlDistance is not null;

    /// <summary>Where the episode's PL_POST is (the row when the column is absent).</summary>
    public Location PlPostAt { get; init; }

    /// <summary>A hash of PL_POST alone (equal keys mean the same placement postcode), for the DfE's rule 383.</summary>
    public int PlPostKey { get; init; }

    /// <summary>The placement's Ofsted URN (a provider's number, not the child's), for the DfE's previous-year rule 503F.</summary>
    public string? Urn { get; init; }

    /// <summary>The placement's authority (PL_LA) as the postcode directory gives it for PL_POST, or null when unknown or no directory is loaded.</summary>
    public string? PlLa { get; init; }

    /// <summary>The miles from home to placement (PL_DISTANCE) as the postcode directory gives them, or null when unknown or no directory is loaded.</summary>
    public double? PlDistance { get; init; }

    /// <summary>Whether the episode is open on <paramref name="d"/>.</summary>
    public bool IsOpenOn(DateOnly d) => Decom <= d && (Dec is null || Dec.Value > d);
}

/// <summary>Everything the validator keeps about one child between the first pass over the rows and the per-child rules.</summary>
public sealed class ChildFacts
{
    /// <summary>The child's identifier, for joining with the previous year's return only (never shown in a message).</summary>
    public string Id { get; init; } = "";

    /// <summary>Header rows of the child (normally one).</summary>
    public IReadOnlyList<Location> HeaderRows => headerRows ?? (IReadOnlyList<Location>)[];

    // Lists are created on first use: most children have rows in only one or two tables, and an empty List costs 32 bytes a child.
    private List<Location>? headerRows;

    /// <summary>Records one more Header row.</summary>
    public void AddHeader(Location item) => (headerRows ??= new(1)).Add(item);

    /// <summary>Date of birth from the first Header row.</summary>
    public DateOnly? Dob { get; set; }

    /// <summary>Whether the child has a row in the UASC table (is or was an unaccompanied asylum-seeking child).</summary>
    public bool IsUasc { get; set; }

    /// <summary>Whether the child has an OC3 row (a care leaver), in any year the return carries the table.</summary>
    public bool IsCareLeaver { get; set; }

    /// <summary>Where the child's first Header row gives DOB (the row when the column is absent).</summary>
    public Location DobAt { get; set; }

    /// <summary>SEX from the first Header row (a code, not an identifier).</summary>
    public string? Sex { get; set; }

    /// <summary>MOTHER from the first Header row.</summary>
    public string? Mother { get; set; }

    /// <summary>What kind of UPN the first Header row has: null when blank, the code when UN1–UN5, otherwise "UPN" (the number itself is never kept).</summary>
    public string? UpnKind { get; set; }

    /// <summary>The UASC flag of the first Header row (an XML return's HEADER field: 0 or 1), or null when blank or not given.</summary>
    public string? UascFlag { get; set; }

    /// <summary>Where the first Header row gives the UASC flag (the row when it is not given).</summary>
    public Location UascFlagAt { get; set; }

    /// <summary>Whether the return gives the UASC flag with the Header (an XML return, or a Header file with a UASC column).</summary>
    public bool GivesUascFlag { get; set; }

    /// <summary>MC_DOB from the first Header row, when a valid date.</summary>
    public DateOnly? McDob { get; set; }

    /// <summary>Episodes with a valid DECOM, in file order (rules sort them).</summary>
    public IReadOnlyList<EpisodeFact> Episodes => episodes ?? (IReadOnlyList<EpisodeFact>)[];

    // Lists are created on first use: most children have rows in only one or two tables, and an empty List costs 32 bytes a child.
    private List<EpisodeFact>? episodes;

    /// <summary>Records one more episode.</summary>
    public void AddEpisode(EpisodeFact item) => (episodes ??= new(1)).Add(item);

    /// <summary>True when some episode row of the child had no valid DECOM (so it is not in <see cref="Episodes"/>).</summary>
    public bool HasInvalidEpisodes { get; set; }

    /// <summary>OC1 rows.</summary>
    public IReadOnlyList<Location> Oc1Rows => oc1Rows ?? (IReadOnlyList<Location>)[];

    // Lists are created on first use: most children have rows in only one or two tables, and an empty List costs 32 bytes a child.
    private List<Location>? oc1Rows;

    /// <summary>Records one more OC1 row.</summary>
    public void AddOc1(Location item) => (oc1Rows ??= new(1)).Add(item);

    /// <summary>OC2 rows.</summary>
    public IReadOnlyList<Location> Oc2Rows => oc2Rows ?? (IReadOnlyList<Location>)[];

    // Lists are created on first use: most children have rows in only one or two tables, and an empty List costs 32 bytes a child.
    private List<Location>? oc2Rows;

    /// <summary>Records one more OC2 row.</summary>
    public void AddOc2(Location item) => (oc2Rows ??= new(1)).Add(item);

    /// <summary>CPR registrations: date (when valid) and row.</summary>
    public IReadOnlyList<(DateOnly? RegDate, Location Row)> CprRows => cprRows ?? (IReadOnlyList<(DateOnly? RegDate, Location Row)>)[];

    // Lists are created on first use: most children have rows in only one or two tables, and an empty List costs 32 bytes a child.
    private List<(DateOnly? RegDate, Location Row)>? cprRows;

    /// <summary>Records one more CPR registration.</summary>
    public void AddCpr((DateOnly? RegDate, Location Row) item) => (cprRows ??= new(1)).Add(item);

    // ---- DfE tables other than Header/Episodes (rules ported from the DfE's catalogue, 2022-23 on) ----

    // The rows of the DfE's other tables (OC2, OC3, AD1, PlacedAdoption, Missing, UASC, PrevPerm, Reviews, SWEpisodes, DoLo):
    // few children have any, so one list, created on first use, holds them all.
    private List<SourceRow>? dfeRows;

    /// <summary>Records one more row of a DfE table other than Header and Episodes.</summary>
    public void AddDfeRow(SourceRow row) => (dfeRows ??= new(2)).Add(row);

    /// <summary>Whether the child has any row in <paramref name="table"/> (DfE years only).</summary>
    public bool Has(TableSchema table)
    {
        if (dfeRows is null) return false;
        foreach (var r in dfeRows) if (r.Table == table) return true;
        return false;
    }

    /// <summary>The child's rows of <paramref name="table"/>, in file order (DfE years only).</summary>
    public IEnumerable<SourceRow> Rows(TableSchema table) => dfeRows is null || !Has(table) ? [] : RowsOf(dfeRows, table);

    private static IEnumerable<SourceRow> RowsOf(List<SourceRow> rows, TableSchema table)
    {
        foreach (var r in rows) if (r.Table == table) yield return r;
    }

    // What rules derive from the child once and share between them (e.g. its social worker episodes in order).
    private List<(object Key, object Value)>? derived;

    /// <summary>The value <paramref name="make"/> gives for this child, made on the first call with <paramref name="key"/> and shared by later ones.</summary>
    public T Derived<T>(object key, Func<ChildFacts, T> make) where T : class
    {
        if (derived is not null)
            foreach (var (k, v) in derived)
                if (ReferenceEquals(k, key)) return (T)v;
        var made = make(this);
        (derived ??= new(1)).Add((key, made));
        return made;
    }

    /// <summary>Episodes ordered by DECOM, dropping nothing.</summary>
    public IReadOnlyList<EpisodeFact> Ordered => ordered ??= Episodes.OrderBy(e => e.Decom).ThenBy(e => e.Row.Line).ToArray();

    private EpisodeFact[]? ordered;

    /// <summary>
    /// Whether the child is in the A2 cohort of SPEC §4 (V3/V4 episodes dropped): the latest episode ends in the year with REC other
    /// than X1, the child is not looked after at 31 March, and is 16 or over on that DEC.
    /// </summary>
    public bool InA2Cohort(int year)
    {
        var eps = Ordered.Where(e => e.Ls is not ("V3" or "V4")).ToArray();
        if (eps.Length == 0 || Dob is null) return false;
        var last = eps[^1];
        if (last.Dec is not { } dec || last.Rec is null or "X1") return false;
        if (dec < CollectionYear.Start(year) || dec > CollectionYear.End(year)) return false;
        if (eps.Any(e => e.IsOpenOn(CollectionYear.End(year)))) return false;
        return CollectionYear.AgeOn(Dob.Value, dec) >= 16;
    }

    /// <summary>Whether the child was looked after at 31 March in a period of care that began on or before 31 March of the year before (SPEC §4, V3/V4 dropped).</summary>
    public bool ContinuouslyLookedAfter12Months(int year)
    {
        var eps = Ordered.Where(e => e.Ls is not ("V3" or "V4")).ToArray();
        var end = CollectionYear.End(year);
        if (!eps.Any(e => e.IsOpenOn(end))) return false;
        var start = eps.LastOrDefault(e => e.Rne == "S")?.Decom ?? eps[0].Decom;
        return start <= end.AddYears(-1);
    }
}
