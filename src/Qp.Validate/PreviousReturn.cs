using Qp.Domain.Returns;

namespace Qp.Validate;

/// <summary>
/// What validation knows of the same authority's return for the year before: each child's latest episode, which the
/// previous-year rules (<see cref="Rules.PreviousYearRules"/>) compare with this year's episodes. Only one episode per child
/// is kept, so the facts stay small whatever the size of last year's return.
/// </summary>
public sealed class PreviousReturn
{
    private readonly Dictionary<string, Episode> latest = new(StringComparer.Ordinal);

    /// <summary>The facts of return <paramref name="year"/> from its <paramref name="episodes"/> (in any order).</summary>
    public PreviousReturn(int year, IEnumerable<Episode> episodes)
    {
        Year = year;
        foreach (var e in episodes)
            if (!latest.TryGetValue(e.Child, out var l) || e.Decom > l.Decom) latest[e.Child] = e;
    }

    /// <summary>The collection year of the previous return.</summary>
    public int Year { get; }

    /// <summary>The child's latest episode in the previous return (by DECOM), or null when the child is not in it.</summary>
    public Episode? LatestOf(string child) => latest.GetValueOrDefault(child);
}
