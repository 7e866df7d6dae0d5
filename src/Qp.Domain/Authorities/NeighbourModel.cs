namespace Qp.Domain.Authorities;

/// <summary>One authority's contextual variables (e.g. deprivation, population density), in the file's column order.</summary>
/// <param name="LaCode">The authority.</param>
/// <param name="Values">Its value of each variable.</param>
public sealed record ContextRow(int LaCode, IReadOnlyList<double> Values);

/// <summary>
/// Derives statistical neighbours the way the DfE model does in outline (SPEC §1): each variable is standardised
/// (z-score), and an authority's neighbours are the authorities nearest to it by Euclidean distance.
/// </summary>
/// <remarks>
/// Standardising stops a variable measured in thousands from outweighing one measured in fractions. Whether the
/// standard deviation divides by n or n − 1 scales every variable alike and so never changes who is nearest;
/// n − 1 is used. A variable with no spread carries no information and is left out. Ties go to the lower code.
/// </remarks>
public static class NeighbourModel
{
    /// <summary>The <paramref name="count"/> nearest neighbours of every authority in <paramref name="rows"/>, closest first, with the distance as their closeness.</summary>
    public static IReadOnlyList<StatisticalNeighbour> Derive(IReadOnlyList<ContextRow> rows, int count = 10)
    {
        int n = rows.Count, k = n == 0 ? 0 : rows[0].Values.Count;
        var z = new double[n][];
        for (int i = 0; i < n; i++) z[i] = new double[k];
        for (int j = 0; j < k; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += rows[i].Values[j];
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) ss += (rows[i].Values[j] - mean) * (rows[i].Values[j] - mean);
            double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
            for (int i = 0; i < n; i++) z[i][j] = sd > 0 ? (rows[i].Values[j] - mean) / sd : 0;
        }

        var result = new List<StatisticalNeighbour>(n * Math.Min(count, Math.Max(n - 1, 0)));
        for (int i = 0; i < n; i++)
        {
            var nearest = Enumerable.Range(0, n).Where(o => o != i)
                .Select(o => (Code: rows[o].LaCode, Distance: Distance(z[i], z[o])))
                .OrderBy(o => o.Distance).ThenBy(o => o.Code)
                .Take(count);
            int rank = 1;
            foreach (var (code, distance) in nearest)
                result.Add(new StatisticalNeighbour(rows[i].LaCode, rank++, code, $"distance {distance.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}"));
        }
        return result;
    }

    /// <summary>The Euclidean distance between two standardised authorities.</summary>
    public static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Count; j++) sum += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.Sqrt(sum);
    }
}
