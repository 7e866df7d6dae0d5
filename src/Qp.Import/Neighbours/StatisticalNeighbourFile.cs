using System.Globalization;
using Qp.Domain.Authorities;
using Qp.Domain.Validation;
using Qp.Import.Aggregates;

namespace Qp.Import.Neighbours;

/// <summary>A DfE statistical neighbour file in the wide layout (sn_model_2025_wide.csv): old_la_code, la_name, …, SN_1, SN_1P, … SN_10, SN_10P.</summary>
public static class StatisticalNeighbourFile
{
    /// <summary>Whether a header set is a statistical neighbour file's.</summary>
    public static bool Recognise(IReadOnlyList<string> headers) =>
        headers.Contains("old_la_code", StringComparer.OrdinalIgnoreCase) && headers.Contains("SN_1", StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads each authority's neighbours in rank order (SN_n code, SN_nP closeness trimmed); blank SN cells are skipped; codes must be known authorities.</summary>
    public static ReferenceRead<StatisticalNeighbour> Read(string path, IReadOnlySet<int> authorities)
    {
        var table = Table.Read(path);
        var errors = new List<ValidationMessage>();
        var list = new List<StatisticalNeighbour>();
        int la = table.Index("old_la_code");
        var ranks = Enumerable.Range(1, 10).Select(n => (Rank: n, Code: table.Index($"SN_{n}"), Closeness: table.Index($"SN_{n}P"))).Where(r => r.Code >= 0).ToList();
        foreach (var row in table.Rows)
        {
            int? code = Code(table, row, la, authorities, errors);
            if (code is null) continue;
            foreach (var r in ranks)
            {
                if (row.Fields[r.Code].Length == 0) continue;
                if (Code(table, row, r.Code, authorities, errors) is not { } neighbour) continue;
                string? closeness = r.Closeness >= 0 && row.Fields[r.Closeness].Length > 0 ? row.Fields[r.Closeness] : null;
                list.Add(new StatisticalNeighbour(code.Value, r.Rank, neighbour, closeness));
            }
        }
        return errors.Count > 0 ? new([], errors, []) : new(list, [], []);
    }

    private static int? Code(Table table, TableRow row, int column, IReadOnlySet<int> authorities, List<ValidationMessage> errors)
    {
        string text = row.Fields[column];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            errors.Add(Located.Error(table, row, column, "SN01", $"{table.Headers[column]} '{text}' is not a three-digit authority code"));
        else if (!authorities.Contains(code))
            errors.Add(Located.Error(table, row, column, "SN02", $"{table.Headers[column]} {code} is not an authority in the authorities table"));
        else return code;
        return null;
    }
}
