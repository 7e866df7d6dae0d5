using System.Globalization;
using CsvHelper;
using Qp.Domain.Validation;
using Qp.Import.Aggregates;
using Qp.Validate;

namespace Qp.Import.Reference;

/// <summary>What reading a postcode directory found: the table, the errors that reject the file, and counts of rows left out.</summary>
/// <param name="Table">The postcodes read (empty when there are errors).</param>
/// <param name="Errors">Located errors; any one rejects the file.</param>
/// <param name="Skipped">Rows deliberately left out, with the reason.</param>
public sealed record PostcodeRead(PostcodeTable Table, IReadOnlyList<ValidationMessage> Errors, IReadOnlyList<string> Skipped)
{
    /// <summary>Whether the file is accepted.</summary>
    public bool Accepted => Errors.Count == 0;
}

/// <summary>
/// Reads the ONS Postcode Directory (ONSPD) or National Statistics Postcode Lookup CSV, or a subset of it with the same columns:
/// a postcode (pcd, pcds or pcd2), its local authority district (oslaua or laua), its county (oscty or cty, optional) or upper-tier
/// authority (utla, optional) and its grid reference (oseast1m, osnrth1m). The file is streamed: only the postcode, grid
/// reference and upper-tier authority (or SCO, WAL, NIR outside England) are kept, about 18 bytes a postcode.
/// </summary>
public static class PostcodeDirectoryFile
{
    private static readonly string[] PostcodeColumns = ["pcd", "pcds", "pcd2"], DistrictColumns = ["oslaua", "laua"],
        CountyColumns = ["oscty", "cty"], UpperTierColumns = ["utla"], EastingColumns = ["oseast1m"], NorthingColumns = ["osnrth1m"];

    /// <summary>Errors after which reading stops: the file is refused by then, and memory stays bounded.</summary>
    public const int MaxErrors = 100;

    /// <summary>Whether <paramref name="headers"/> are a postcode directory's.</summary>
    public static bool Recognise(IReadOnlyList<string> headers) =>
        Table.Find(headers, PostcodeColumns) >= 0 && Table.Find(headers, DistrictColumns) >= 0 && Table.Find(headers, EastingColumns) >= 0 && Table.Find(headers, NorthingColumns) >= 0;

    /// <summary>
    /// Whether <paramref name="headers"/> look like a postcode directory that lacks a column the rules need (a pcd/pcds/pcd2 column,
    /// no CHILD column), so that reading it says what is missing rather than taking it for a child-level return.
    /// </summary>
    public static bool LooksLike(IReadOnlyList<string> headers) => Table.Find(headers, PostcodeColumns) >= 0 && Table.Find(headers, "child") < 0 && !Recognise(headers);

    /// <summary>Reads the directory at <paramref name="path"/>; every error is located (file, line, column) and coded PC01–PC04.</summary>
    public static PostcodeRead Read(string path)
    {
        string file = Path.GetFileName(path);
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, Separator = ',' });
        var headers = csv.Headers.ToList();
        int pc = Table.Find(headers, PostcodeColumns), la = Table.Find(headers, DistrictColumns), cty = Table.Find(headers, CountyColumns),
            utla = Table.Find(headers, UpperTierColumns), east = Table.Find(headers, EastingColumns), north = Table.Find(headers, NorthingColumns);
        var errors = new List<ValidationMessage>();
        void Error(int line, int column, string code, string message) =>
            errors.Add(new ValidationMessage(file, line, column + 1, Severity.Error, code, message));
        if (pc < 0 || la < 0 || east < 0 || north < 0)
        {
            Error(1, 0, "PC01", "not a postcode directory: the header needs pcd (or pcds, pcd2), oslaua (or laua), oseast1m and osnrth1m");
            return new PostcodeRead(PostcodeTable.Empty, errors, []);
        }
        var builder = new PostcodeTable.Builder();
        long noGrid = 0, noCountry = 0, rows = 0;
        while (csv.Read() && errors.Count < MaxErrors)
        {
            int line = (int)csv.LineNumber;
            string Field(int i) => i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            string postcode = Field(pc), district = Field(la);
            if (postcode.Length == 0 && district.Length == 0) continue;
            rows++;
            if (PostcodeTable.Key(postcode) is null)
            {
                Error(line, pc, "PC02", $"'{Shorten(postcode)}' is not a postcode");
                continue;
            }
            string authority;
            switch (district.Length > 0 ? district[0] : ' ')
            {
                case 'S': authority = "SCO"; break;
                case 'W': authority = "WAL"; break;
                case 'N': authority = "NIR"; break;
                case 'E':
                    // Two-tier areas: the county is the upper tier (E10…); unitary, metropolitan and London areas are their own.
                    string upper = Field(utla), county = Field(cty);
                    authority = upper.Length > 0 ? upper : county.StartsWith("E10", StringComparison.Ordinal) ? county : district;
                    break;
                default:
                    // The Channel Islands and the Isle of Man (L…, M…), and postcodes with no authority: no DfE rule can use them.
                    noCountry++;
                    continue;
            }
            string e = Field(east), n = Field(north);
            if (e.Length == 0 || n.Length == 0)
            {
                noGrid++;
                continue;
            }
            if (!int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out int easting) || easting > 10_000_000)
            {
                Error(line, east, "PC03", $"{headers[east]} '{Shorten(e)}' is not a grid easting in metres");
                continue;
            }
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int northing) || northing > 10_000_000)
            {
                Error(line, north, "PC03", $"{headers[north]} '{Shorten(n)}' is not a grid northing in metres");
                continue;
            }
            if (!builder.Add(postcode, easting, northing, authority)) Error(line, la, "PC04", "too many different authority codes in one directory");
        }
        if (errors.Count > 0) return new PostcodeRead(PostcodeTable.Empty, errors, []);
        var table = builder.Build();
        if (table.Count == 0)
        {
            Error(1, pc, "PC01", "the directory holds no postcode in the United Kingdom with a grid reference");
            return new PostcodeRead(PostcodeTable.Empty, errors, []);
        }
        var skipped = new List<string>();
        if (noGrid > 0) skipped.Add($"{noGrid:N0} postcode(s) without a grid reference left out");
        if (noCountry > 0) skipped.Add($"{noCountry:N0} postcode(s) outside England, Scotland, Wales and Northern Ireland (or with no authority) left out");
        if (rows - noGrid - noCountry > table.Count) skipped.Add($"{rows - noGrid - noCountry - table.Count:N0} repeated postcode(s) left out (the first is kept)");
        return new PostcodeRead(table, errors, skipped);
    }

    private static string Shorten(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
