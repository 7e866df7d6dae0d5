using Qp.Domain.Returns;

namespace Qp.Domain.Indicators;

/// <summary>A numerator and denominator counted from one child-level return, with the warnings counting raised.</summary>
/// <param name="Numerator">The number of cohort members meeting the indicator.</param>
/// <param name="Denominator">The cohort size.</param>
/// <param name="Warnings">Plain-English warnings about the data, e.g. a cohort child with no OC1 row.</param>
public sealed record CohortCount(int Numerator, int Denominator, IReadOnlyList<string> Warnings);

/// <summary>What the store knows about an authority beyond the return being counted.</summary>
/// <param name="EarlierRegistrations">Children of this authority with a child protection registration dated before the year being counted.</param>
public sealed record ChildHistory(IReadOnlySet<string> EarlierRegistrations)
{
    /// <summary>
    /// Children of the return whose period of care begins before every stored return that covers it (see
    /// <see cref="Returns.AuthorityReturns"/>): their earliest known episode is not RNE S, so the start of care is not known.
    /// </summary>
    public IReadOnlySet<string> IncompleteHistory { get; init; } = new HashSet<string>();

    /// <summary>No history: the return is the only one in the store.</summary>
    public static readonly ChildHistory None = new(new HashSet<string>());
}

/// <summary>An indicator computed from child-level data (SPEC §4).</summary>
public interface IChildLevelIndicator
{
    /// <summary>The indicator's catalogue identifier, e.g. A1.</summary>
    string Id { get; }

    /// <summary>Counts the indicator's numerator and denominator for the return's authority and year.</summary>
    CohortCount Count(ChildLevelReturn submission, ChildHistory history);
}
