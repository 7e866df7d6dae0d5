using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Claims;

/// <summary>Targets due for one authority as the edition's figures give them.</summary>
/// <param name="Met">Due, shown and met.</param>
/// <param name="Due">Due and shown (met or not met).</param>
/// <param name="Withheld">Due, with the status withheld.</param>
public readonly record struct TargetCount(int Met, int Due, int Withheld);

/// <summary>One edition's figures for one year, indexed for the checks: decided from the store, not read from any output.</summary>
internal sealed class EditionFigures
{
    private readonly int _year;
    private readonly Dictionary<(string, int), IndicatorResult> _results;
    private readonly Dictionary<string, List<IndicatorResult>> _byIndicator;
    private readonly Dictionary<string, NationalResult> _england;

    public EditionFigures(ReportData edition, int year)
    {
        _year = year;
        Edition = edition.Disclosure!;
        var ofYear = edition.Results.Where(r => r.Year == year).ToList();
        _results = ofYear.ToDictionary(r => (r.Indicator, r.LaCode));
        _byIndicator = ofYear.GroupBy(r => r.Indicator).ToDictionary(g => g.Key, g => g.ToList());
        _england = edition.National.Where(n => n.Year == year).ToDictionary(n => n.Indicator);
    }

    public Edition Edition { get; }

    public IndicatorResult? Result(string indicator, int la) => _results.GetValueOrDefault((indicator, la));

    public IReadOnlyList<IndicatorResult> All(string indicator) => _byIndicator.GetValueOrDefault(indicator) ?? [];

    public NationalResult? England(string indicator) => _england.GetValueOrDefault(indicator);

    /// <summary>How many shown figures share <paramref name="r"/>'s rank (1 when none does).</summary>
    public int Tied(IndicatorResult r) => r.Rank is { } rank ? All(r.Indicator).Count(x => x.Rank == rank && !Edition.Hides(x, Withheld.Percent)) : 0;

    /// <summary>Targets due in the year: shown and met, shown (met or not), and withheld with the figure or its baseline.</summary>
    public TargetCount TargetCounts(IEnumerable<(IndicatorDefinition Def, IndicatorResult? Result)> results)
    {
        int met = 0, due = 0, withheld = 0;
        foreach (var (d, r) in results)
        {
            if (r is null || !d.Targets.Any(t => t.FromYear <= _year)) continue;
            if (Edition.Hides(r, Withheld.Percent | Withheld.Target)) withheld++;
            else if (r.TargetStatus == TargetStatus.Met) { met++; due++; }
            else if (r.TargetStatus == TargetStatus.NotMet) due++;
        }
        return new TargetCount(met, due, withheld);
    }
}
