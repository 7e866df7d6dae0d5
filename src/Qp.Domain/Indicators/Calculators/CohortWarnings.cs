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

    public CohortCount Result(int numerator, int denominator) => new(numerator, denominator, _warnings.ToArray());
}
