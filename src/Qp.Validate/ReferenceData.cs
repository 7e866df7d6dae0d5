namespace Qp.Validate;

/// <summary>What the ONS postcode directory says about one postcode: grid position and the upper-tier authority it lies in.</summary>
/// <param name="Easting">OS grid easting in metres.</param>
/// <param name="Northing">OS grid northing in metres.</param>
/// <param name="Authority">Upper-tier local authority code (E06…/E08…/E09…/E10…), or SCO, WAL or NIR outside England.</param>
public sealed record PostcodeInfo(int Easting, int Northing, string Authority)
{
    /// <summary>Whether the postcode lies in Scotland, Wales or Northern Ireland.</summary>
    public bool OutsideEngland => Authority is "SCO" or "WAL" or "NIR";
}

/// <summary>
/// The postcode reference data the DfE's placement-location rules need (218, 230 and the distance and placement-LA rules).
/// The default knows no postcode, so rules that need it stay silent rather than guess.
/// </summary>
public interface IPostcodeDirectory
{
    /// <summary>Whether the directory holds any data; rules that need a postcode's facts are skipped when it does not.</summary>
    bool IsEmpty { get; }

    /// <summary>The facts of <paramref name="postcode"/> (any spacing or case), or null when not in the directory.</summary>
    PostcodeInfo? Find(string postcode);
}

/// <summary>Postcode directories.</summary>
public static class PostcodeDirectory
{
    /// <summary>A directory that knows no postcode (the default until reference data is imported).</summary>
    public static readonly IPostcodeDirectory None = new Empty();

    private static readonly AsyncLocal<(IPostcodeDirectory Directory, string? Authority)?> Ambient = new();

    /// <summary>The directory rule contexts use by default in this flow of execution: the one set by <see cref="Use"/>, else <see cref="None"/>.</summary>
    public static IPostcodeDirectory Current => Ambient.Value?.Directory ?? None;

    /// <summary>The returning authority's ONS code set by <see cref="Use"/>, or null.</summary>
    public static string? CurrentAuthority => Ambient.Value?.Authority;

    /// <summary>Makes <paramref name="directory"/> (and the returning authority's ONS code) the default of new rule contexts until the scope is disposed.</summary>
    public static IDisposable Use(IPostcodeDirectory directory, string? authorityCode = null)
    {
        var before = Ambient.Value;
        Ambient.Value = (directory, authorityCode);
        return new Scope(() => Ambient.Value = before);
    }

    /// <summary>Miles between two postcodes as the DfE computes PL_DISTANCE (straight line on the OS grid, one decimal), or null unless both are known.</summary>
    public static double? Distance(this IPostcodeDirectory dir, string? home, string? placement) =>
        home is null || placement is null ? null : Miles(dir.Find(home), dir.Find(placement));

    /// <summary>Miles between two looked-up postcodes, as <see cref="Distance"/>, or null unless both are known.</summary>
    public static double? Miles(PostcodeInfo? home, PostcodeInfo? placement) =>
        home is not { } h || placement is not { } p ? null
            : Math.Round(Math.Sqrt(Square(h.Easting - p.Easting) + Square(h.Northing - p.Northing)) / 1000 / 1.6093, 1);

    // Exact for any grid difference (well under 2^26 metres), as Math.Pow(d, 2) was.
    private static double Square(double d) => d * d;

    /// <summary>Runs an action when disposed: the end of a <c>Use</c> scope, restoring what was current before it.</summary>
    internal sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    /// <summary>Whether <paramref name="postcode"/> is known to lie outside England (false when blank or unknown).</summary>
    public static bool OutsideEngland(this IPostcodeDirectory dir, string? postcode) =>
        postcode is not null && !dir.IsEmpty && dir.Find(postcode) is { OutsideEngland: true };

    private sealed class Empty : IPostcodeDirectory
    {
        public bool IsEmpty => true;

        public PostcodeInfo? Find(string postcode) => null;
    }
}

/// <summary>What Ofsted's provider lists say about one registered provider (children's home, secure unit, supported accommodation …).</summary>
/// <param name="Urn">Ofsted's unique reference number, upper case.</param>
/// <param name="Places">The SSDA903 placement types (PLACE) the DfE maps the provider to, e.g. K2; empty when the list gives none.</param>
/// <param name="Providers">The placement-provider codes (PLACE_PROVIDER, PR0–PR5) the DfE maps the provider to; empty when the list gives none.</param>
/// <param name="Registered">The date Ofsted registered the provider, when the list gives it.</param>
/// <param name="Closed">The date the provider closed (deregistered), or null while it is open.</param>
/// <param name="Postcode">The setting's postcode, upper case without spaces, or null when the list gives none.</param>
public sealed record ProviderInfo(string Urn, IReadOnlyList<string> Places, IReadOnlyList<string> Providers, DateOnly? Registered, DateOnly? Closed, string? Postcode);

/// <summary>
/// Ofsted's provider lists as the DfE's URN rules (1008, 219, 221, 224, 227, 228, 229) read them.
/// The default knows no provider, so those rules stay silent rather than flag every URN.
/// </summary>
public interface IProviderDirectory
{
    /// <summary>Whether the directory holds any provider; the URN rules are skipped when it does not.</summary>
    bool IsEmpty { get; }

    /// <summary>The provider with <paramref name="urn"/> (any case, surrounding spaces ignored), or null when Ofsted's lists do not hold it.</summary>
    ProviderInfo? Find(string urn);
}

/// <summary>Provider directories.</summary>
public static class ProviderDirectory
{
    /// <summary>A directory that knows no provider (the default until Ofsted's lists are imported).</summary>
    public static readonly IProviderDirectory None = new ProviderTable([]);

    private static readonly AsyncLocal<IProviderDirectory?> Ambient = new();

    /// <summary>The directory rule contexts use by default in this flow of execution: the one set by <see cref="Use"/>, else <see cref="None"/>.</summary>
    public static IProviderDirectory Current => Ambient.Value ?? None;

    /// <summary>Makes <paramref name="directory"/> the default of new rule contexts until the scope is disposed.</summary>
    public static IDisposable Use(IProviderDirectory directory)
    {
        var before = Ambient.Value;
        Ambient.Value = directory;
        return new PostcodeDirectory.Scope(() => Ambient.Value = before);
    }

    /// <summary>The upper-tier authority the provider lies in, found from its postcode in <paramref name="postcodes"/>, or null when unknown.</summary>
    public static string? AuthorityOf(this ProviderInfo provider, IPostcodeDirectory postcodes) =>
        provider.Postcode is { } p ? postcodes.Find(p)?.Authority : null;
}

/// <summary>
/// An in-memory provider directory; a URN listed twice (e.g. in both of Ofsted's lists) has the union of its codes, and is open if
/// either entry is. Compact: a provider is its URN and postcode strings, two indexes into the few distinct code lists and two day
/// numbers (about 120 bytes, against 500 as a record with its own lists), so a list of any size stays a few tens of MB.
/// </summary>
public sealed class ProviderTable : IProviderDirectory
{
    private readonly Dictionary<string, int> byUrn = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> urns = [];
    private readonly List<string?> postcodes = [];
    private readonly List<ushort> placesOf = [], providersOf = [];
    private readonly List<int> registered = [], closed = [];

    // The distinct code lists ("K1/K2", "PR4"): a few dozen, shared by every provider that has them.
    private readonly List<string[]> codeLists = [];
    private readonly Dictionary<string, ushort> codeListIndex = new(StringComparer.Ordinal);

    private const int NoDate = int.MinValue;

    // The last provider found: the URN rules of one row ask for the same URN one after another.
    private sealed record Found(string Urn, ProviderInfo? Info);

    private Found? last;

    /// <summary>Builds the directory of <paramref name="providers"/>.</summary>
    public ProviderTable(IEnumerable<ProviderInfo> providers)
    {
        foreach (var p in providers) Add(p.Urn, p.Places, p.Providers, p.Registered, p.Closed, p.Postcode);
    }

    /// <summary>An empty directory to fill one provider at a time.</summary>
    public ProviderTable()
    {
    }

    /// <summary>Adds one provider, or merges it into the one already held with the same URN (codes united, open if either is open).</summary>
    public void Add(string urn, IReadOnlyList<string> places, IReadOnlyList<string> providers, DateOnly? registeredOn, DateOnly? closedOn, string? postcode)
    {
        last = null;
        if (byUrn.TryGetValue(urn, out int i))
        {
            placesOf[i] = Codes([.. codeLists[placesOf[i]].Union(places)]);
            providersOf[i] = Codes([.. codeLists[providersOf[i]].Union(providers)]);
            if (registered[i] == NoDate && registeredOn is { } r) registered[i] = r.DayNumber;
            closed[i] = closed[i] == NoDate || closedOn is null ? NoDate : Math.Max(closed[i], closedOn.Value.DayNumber);
            postcodes[i] ??= postcode;
            return;
        }
        Add(urn, Codes(places), Codes(providers), registeredOn, closedOn, postcode);
    }

    /// <summary>Adds one provider whose placement types and provider codes are each given joined with '/' (as the store keeps them).</summary>
    public void Add(string urn, string places, string providers, DateOnly? registeredOn, DateOnly? closedOn, string? postcode)
    {
        last = null;
        if (byUrn.ContainsKey(urn)) Add(urn, Split(places), Split(providers), registeredOn, closedOn, postcode);
        else Add(urn, Codes(places), Codes(providers), registeredOn, closedOn, postcode);
    }

    private static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('/');

    private void Add(string urn, ushort places, ushort providers, DateOnly? registeredOn, DateOnly? closedOn, string? postcode)
    {
        byUrn[urn] = urns.Count;
        urns.Add(urn);
        postcodes.Add(postcode);
        placesOf.Add(places);
        providersOf.Add(providers);
        registered.Add(registeredOn?.DayNumber ?? NoDate);
        closed.Add(closedOn?.DayNumber ?? NoDate);
    }

    private ushort Codes(IReadOnlyList<string> codes) => Codes(string.Join('/', codes));

    private ushort Codes(string key)
    {
        if (codeListIndex.TryGetValue(key, out var k)) return k;
        if (codeLists.Count == ushort.MaxValue) throw new InvalidDataException("more than 65,535 distinct lists of placement codes in the provider lists");
        codeListIndex[key] = k = (ushort)codeLists.Count;
        codeLists.Add(Split(key));
        return k;
    }

    /// <summary>How many providers the directory holds.</summary>
    public int Count => urns.Count;

    /// <summary>Every provider, in the order first added.</summary>
    public IEnumerable<ProviderInfo> All => Enumerable.Range(0, urns.Count).Select(Info);

    /// <inheritdoc />
    public bool IsEmpty => urns.Count == 0;

    /// <inheritdoc />
    public ProviderInfo? Find(string urn)
    {
        var seen = last;
        if (seen is not null && string.Equals(seen.Urn, urn, StringComparison.Ordinal)) return seen.Info;
        var info = byUrn.TryGetValue(urn.Trim(), out int i) ? Info(i) : null;
        last = new Found(urn, info);
        return info;
    }

    private ProviderInfo Info(int i) => new(urns[i], codeLists[placesOf[i]], codeLists[providersOf[i]], Day(registered[i]), Day(closed[i]), postcodes[i]);

    private static DateOnly? Day(int n) => n == NoDate ? null : DateOnly.FromDayNumber(n);
}
