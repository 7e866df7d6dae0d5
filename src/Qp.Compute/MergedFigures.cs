using Qp.Domain.Results;
using Qp.Domain.Statistics;

namespace Qp.Compute;

/// <summary>An authority's numerator and denominator for one indicator and year, with where they came from.</summary>
/// <param name="Source">child-level, aggregate or published.</param>
/// <param name="Numerator">The numerator, null when missing or suppressed.</param>
/// <param name="Denominator">The denominator, null when missing or suppressed.</param>
public sealed record Figure(string Source, int? Numerator, int? Denominator)
{
    /// <summary>100 × numerator / denominator, or null.</summary>
    public double? Value { get; } = Percent.Of(Numerator, Denominator);

    /// <summary>The counts as a trend point, when both are present.</summary>
    public YearCounts? Counts(int year) => Numerator is { } o && Denominator is { } n && n > 0 ? new YearCounts(year, o, n) : null;
}

/// <summary>The figures an indicator's statistics are computed from: per indicator, year and authority, the winning source.</summary>
public sealed class MergedFigures
{
    private static readonly string[] Precedence = [ResultSource.ChildLevel, ResultSource.Aggregate, ResultSource.Published];
    private readonly Dictionary<(string Indicator, int Year), Dictionary<int, Figure>> _byYear = new();

    /// <summary>The figure for an authority, or null.</summary>
    public Figure? Get(string indicator, int year, int laCode) =>
        _byYear.TryGetValue((indicator, year), out var las) && las.TryGetValue(laCode, out var f) ? f : null;

    /// <summary>Every authority's figure for an indicator and year.</summary>
    public IReadOnlyDictionary<int, Figure> For(string indicator, int year) =>
        _byYear.TryGetValue((indicator, year), out var las) ? las : new Dictionary<int, Figure>();

    /// <summary>The years that have any figure for <paramref name="indicator"/>, ascending.</summary>
    public IReadOnlyList<int> Years(string indicator) => _byYear.Keys.Where(k => k.Indicator == indicator).Select(k => k.Year).Order().ToList();

    /// <summary>Adds a figure unless one from a preferred source is already there: child-level wins over aggregate over published.</summary>
    public void Add(string indicator, int year, int laCode, Figure figure)
    {
        if (!_byYear.TryGetValue((indicator, year), out var las)) _byYear[(indicator, year)] = las = new Dictionary<int, Figure>();
        if (las.TryGetValue(laCode, out var existing) && Array.IndexOf(Precedence, existing.Source) <= Array.IndexOf(Precedence, figure.Source)) return;
        las[laCode] = figure;
    }
}
