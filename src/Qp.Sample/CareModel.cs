namespace Qp.Sample;

/// <summary>One simulated episode: dates are day numbers (<see cref="DateOnly.DayNumber"/>); <see cref="Never"/> means not yet ended.</summary>
internal sealed class SimEpisode
{
    public const int Never = int.MaxValue;
    public int Decom;
    public int Dec = Never;
    public char Rne;
    public required string Ls;
    public required string Cin;
    public required Placement Placement;
    public string? Rec;

    /// <summary>Whether this is a short-break episode (LS V3/V4), which the indicators drop first.</summary>
    public bool IsShortBreak => Ls is "V3" or "V4";
}

/// <summary>Where and with whom a child lives: the fields RNE says change (PLACE, URN, PL_POST) plus the provider.</summary>
internal sealed record Placement(string Place, string Provider, string Urn, string PlPost)
{
    /// <summary>Temporary placements (T0–T4) do not count as placements for A1.</summary>
    public bool IsTemporary => Place[0] == 'T';

    /// <summary>Foster placements (legacy Q codes or U codes).</summary>
    public bool IsFoster => Place[0] is 'U' or 'Q';
}

/// <summary>A simulated child, with every episode of every period of care they have had in the authority.</summary>
internal sealed class SimChild
{
    public required int Number;
    public required char Sex;
    public required int Dob;
    public required string Ethnic;
    public required string? Upn;
    /// <summary>Date of birth of the child's own child, or <see cref="SimEpisode.Never"/>.</summary>
    public int BabyDob = SimEpisode.Never;
    public required string HomePost;
    public readonly List<SimEpisode> Episodes = new(4);

    /// <summary>The child's identifier, stable across years: "C" and the authority's running number.</summary>
    public string Id => "C" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One child protection registration (day numbers; <see cref="SimEpisode.Never"/> when not deregistered).</summary>
internal sealed record Registration(int Number, int Dob, int RegDay, int DeregDay, string Category, bool PreviouslyRegistered);

/// <summary>Day-number helpers for collection years.</summary>
internal static class Days
{
    /// <summary>The collection year a day falls in (1 April Y-1 to 31 March Y is year Y).</summary>
    public static int YearOf(int day)
    {
        var d = DateOnly.FromDayNumber(day);
        return d.Month >= 4 ? d.Year + 1 : d.Year;
    }

    /// <summary>First day of collection year <paramref name="year"/>.</summary>
    public static int Start(int year) => new DateOnly(year - 1, 4, 1).DayNumber;

    /// <summary>Last day (31 March) of collection year <paramref name="year"/>.</summary>
    public static int End(int year) => new DateOnly(year, 3, 31).DayNumber;

    /// <summary>Completed years of age on <paramref name="day"/>.</summary>
    public static int Age(int dob, int day) => Qp.Domain.CollectionYear.AgeOn(DateOnly.FromDayNumber(dob), DateOnly.FromDayNumber(day));

    /// <summary>The day someone born on <paramref name="dob"/> turns <paramref name="years"/>.</summary>
    public static int Birthday(int dob, int years) => DateOnly.FromDayNumber(dob).AddYears(years).DayNumber;
}
