namespace Qp.Domain.Indicators.Calculators;

/// <summary>Builds the aggregated warnings calculators raise: a count of children, never an identifier (privacy rule).</summary>
internal sealed class CohortWarnings
{
    private readonly List<string> _warnings = [];

    /// <summary>Adds "N child(ren) {singular|plural}" when <paramref name="count"/> is positive.</summary>
    public void Add(int count, string singular, string plural)
    {
        if (count <= 0) return;
        _warnings.Add(count == 1 ? $"1 child {singular}" : $"{count} children {plural}");
    }

    /// <summary>Adds a warning already worded, when there is one.</summary>
    public void AddText(string? warning)
    {
        if (warning is not null) _warnings.Add(warning);
    }

    public CohortCount Result(int numerator, int denominator) => new(numerator, denominator, _warnings.ToArray());
}
