using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>What <see cref="PlacementCounter.Walk"/> found in a run of a child's episodes.</summary>
/// <param name="Count">The number of placements counted.</param>
/// <param name="LatestCounted">The index of the latest episode that counted as a placement (the start of the current carer), or -1.</param>
/// <param name="PreviousCounted">The index of the episode counted before <paramref name="LatestCounted"/> (the previous placement), or -1.</param>
/// <param name="LastPermanent">The index of the latest non-temporary episode (the placement in force, temporary ones aside), or -1.</param>
public readonly record struct PlacementRun(int Count, int LatestCounted, int PreviousCounted, int LastPermanent);

/// <summary>
/// Counts placements the SPEC §4 way: skip temporary placements (T0–T4); the first remaining episode counts
/// as one; each later one counts when its RNE is S, P or B, except that an episode straight after a run of
/// temporary episodes counts only if its (PLACE, URN, PL_POST) differs from the last non-temporary episode
/// before the run. RNE L, T and U keep the same carer and never count.
/// </summary>
public static class PlacementCounter
{
    /// <summary>
    /// Walks <paramref name="episodes"/> (sorted by DECOM) from index <paramref name="from"/> to the end; when
    /// <paramref name="yearStart"/> is given, episodes that ended on or before it (so do not overlap the year) are ignored.
    /// </summary>
    public static PlacementRun Walk(IReadOnlyList<Episode> episodes, int from, DateOnly? yearStart)
    {
        int count = 0, latest = -1, previous = -1, lastPermanent = -1;
        bool afterTemporary = false;
        for (int i = Math.Max(from, 0); i < episodes.Count; i++)
        {
            var e = episodes[i];
            if (yearStart is { } start && e.Dec is { } dec && dec <= start) continue;
            if (CareCodes.IsTemporary(e.Place))
            {
                // A temporary run only matters once there is a carer to come back to.
                if (lastPermanent >= 0) afterTemporary = true;
                continue;
            }

            bool counts = count == 0
                || (CareCodes.IsNewCarer(e.Rne) && !(afterTemporary && SamePlacement(e, episodes[lastPermanent])));
            if (counts)
            {
                count++;
                previous = latest;
                latest = i;
            }
            afterTemporary = false;
            lastPermanent = i;
        }
        return new PlacementRun(count, latest, previous, lastPermanent);
    }

    /// <summary>The number of placements a child had during collection year <paramref name="year"/> (A1).</summary>
    public static int PlacementsDuring(ChildEpisodes child, int year) =>
        Walk(child.Episodes, 0, CollectionYear.Start(year)).Count;

    /// <summary>Whether two episodes are the same placement: equal PLACE, URN and PL_POST (blanks equal blanks).</summary>
    public static bool SamePlacement(Episode a, Episode b) =>
        Same(a.Place, b.Place) && Same(a.Urn, b.Urn) && Same(a.PlPost, b.PlPost);

    private static bool Same(string? x, string? y) =>
        string.Equals(Blank(x), Blank(y), StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
