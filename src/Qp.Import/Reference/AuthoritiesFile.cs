using CsvHelper;
using Qp.Domain.Authorities;

namespace Qp.Import.Reference;

/// <summary>Reads templates/authorities.csv: la_code, ons_code, la_name, region, type.</summary>
public static class AuthoritiesFile
{
    private static readonly string[] Columns = ["la_code", "ons_code", "la_name", "region", "type"];

    /// <summary>Reads every authority in the file; a malformed file is an <see cref="InvalidDataException"/> naming the line.</summary>
    public static IReadOnlyList<Authority> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, Separator = ',' });
        var idx = Columns.Select(c => csv.TryGetFieldIndex(c, out int i) ? i
            : throw new InvalidDataException($"{path}: missing column '{c}'")).ToArray();
        var list = new List<Authority>(160);
        while (csv.Read())
        {
            if (!int.TryParse(csv.GetString(idx[0]), out int code) || code is < 100 or > 999)
                throw new InvalidDataException($"{path}:{csv.LineNumber}: la_code '{csv.GetString(idx[0])}' is not a three-digit code");
            list.Add(new Authority(code, csv.GetString(idx[1]), csv.GetString(idx[2]), csv.GetString(idx[3]), csv.GetString(idx[4])));
        }
        return list;
    }
}
