namespace Qp.Domain;

/// <summary>A collection year Y runs from 1 April Y-1 to 31 March Y and is stored as the integer Y.</summary>
public static class CollectionYear
{
    /// <summary>The first day of collection year <paramref name="year"/>: 1 April of the year before.</summary>
    public static DateOnly Start(int year) => new(year - 1, 4, 1);

    /// <summary>The last day of collection year <paramref name="year"/>: 31 March <paramref name="year"/>.</summary>
    public static DateOnly End(int year) => new(year, 3, 31);

    /// <summary>The display form of a collection year, e.g. 2001 → "2000-01".</summary>
    public static string Display(int year) => $"{year - 1}-{year % 100:D2}";

    /// <summary>Completed years of age on <paramref name="on"/> for someone born on <paramref name="dob"/>.</summary>
    public static int AgeOn(DateOnly dob, DateOnly on)
    {
        int age = on.Year - dob.Year;
        if (on.Month < dob.Month || (on.Month == dob.Month && on.Day < dob.Day)) age--;
        return age;
    }
}
