using Qp.Domain.Returns;

namespace Qp.Domain.Indicators.Calculators;

/// <summary>One child's episodes in a return, short breaks (LS V3/V4) dropped and the rest sorted by DECOM, with the facts every indicator asks of them.</summary>
public sealed class ChildEpisodes
{
    private readonly Episode[] _episodes;

    /// <summary>Wraps a child's episodes, which must already be filtered and sorted by DECOM, and the child's other rows (see <see cref="ReturnIndex"/>).</summary>
    public ChildEpisodes(string child, ChildHeader? header, Episode[] sortedEpisodes, Oc1Record? oc1 = null, Oc2Record? oc2 = null)
    {
        Child = child;
        Header = header;
        Oc1 = oc1;
        Oc2 = oc2;
        _episodes = sortedEpisodes;
        PeriodOfCareStartIndex = FindPeriodOfCareStart(sortedEpisodes);
    }

    /// <summary>The child's identifier (used for joins only; never shown in any message).</summary>
    public string Child { get; }

    /// <summary>The child's Header row, or null when the return has none.</summary>
    public ChildHeader? Header { get; }

    /// <summary>The child's OC1 row (care leavers' qualifications), or null when the return has none.</summary>
    public Oc1Record? Oc1 { get; }

    /// <summary>The child's OC2 row (outcomes), or null when the return has none.</summary>
    public Oc2Record? Oc2 { get; }

    /// <summary>The child's date of birth from the Header row, or null when there is no Header row.</summary>
    public DateOnly? Dob => Header?.Dob;

    /// <summary>The child's episodes, short breaks dropped, in DECOM order.</summary>
    public IReadOnlyList<Episode> Episodes => _episodes;

    /// <summary>The child's latest episode by DECOM, or null when every episode was a short break.</summary>
    public Episode? Latest => _episodes.Length == 0 ? null : _episodes[^1];

    /// <summary>
    /// The index of the first episode of the current period of care: the child's latest RNE S episode, or the latest
    /// episode that starts after a gap in the remaining episodes, whichever is later. A gap without RNE S only arises
    /// where short breaks were dropped (the child was on short breaks only in between), and then the remaining care
    /// record starts again there; -1 when no episodes remain.
    /// </summary>
    public int PeriodOfCareStartIndex { get; }

    /// <summary>The date the current period of care started, or null when no episodes remain.</summary>
    public DateOnly? PeriodOfCareStart => PeriodOfCareStartIndex < 0 ? null : _episodes[PeriodOfCareStartIndex].Decom;

    /// <summary>The episode open on <paramref name="d"/> (DECOM ≤ d and DEC blank or after d), or null.</summary>
    public Episode? OpenOn(DateOnly d)
    {
        // Scan from the latest: the open episode is almost always the last one.
        for (int i = _episodes.Length - 1; i >= 0; i--)
        {
            if (_episodes[i].IsOpenOn(d)) return _episodes[i];
        }
        return null;
    }

    /// <summary>The episode open on 31 March of <paramref name="year"/>, or null when the child was not looked after then.</summary>
    public Episode? AtEndOf(int year) => OpenOn(CollectionYear.End(year));

    /// <summary>Whether the child was looked after at 31 March of <paramref name="year"/>.</summary>
    public bool LookedAfterAt31March(int year) => AtEndOf(year) is not null;

    /// <summary>Whether the child was looked after at 31 March of <paramref name="year"/> in a period of care that started on or before <paramref name="span"/> earlier.</summary>
    public bool ContinuouslyLookedAfter(int year, CareSpan span) =>
        LookedAfterAt31March(year) && PeriodOfCareStart is { } start && start <= span.LatestStart(year);

    /// <summary>Completed years of age on <paramref name="on"/>, or null when there is no Header row.</summary>
    public int? AgeOn(DateOnly on) => Dob is { } dob ? CollectionYear.AgeOn(dob, on) : null;

    private static int FindPeriodOfCareStart(Episode[] episodes)
    {
        for (int i = episodes.Length - 1; i > 0; i--)
        {
            if (CareCodes.IsStartOfCare(episodes[i].Rne)) return i;
            if (episodes[i - 1].Dec is { } previousEnd && previousEnd < episodes[i].Decom) return i;
        }
        return episodes.Length == 0 ? -1 : 0;
    }
}
