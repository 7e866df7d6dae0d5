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
        home is null || placement is null || dir.Find(home) is not { } h || dir.Find(placement) is not { } p ? null
            : Math.Round(Math.Sqrt(Math.Pow(h.Easting - p.Easting, 2) + Math.Pow(h.Northing - p.Northing, 2)) / 1000 / 1.6093, 1);

    private sealed class Scope(Action end) : IDisposable
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
