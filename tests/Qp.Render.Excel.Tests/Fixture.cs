using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Domain.Validation;

namespace Qp.Render.Excel.Tests;

/// <summary>A handful of authorities with hand-made results chosen to exercise every rule: the disclosure edge cases, a focus authority with neighbours, and names a spreadsheet could take for formulas.</summary>
public static class Fixture
{
    public const string Hyperlink = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    public static readonly Authority[] Authorities =
    [
        new(805, "E06000001", "Hartlepool", "North East", "Unitary authority"),
        new(806, "E06000002", "Middlesbrough", "North East", "Unitary authority"),
        new(807, "E06000003", "Redcar and Cleveland", "North East", "Unitary authority"),
        new(808, "E06000004", "Stockton-on-Tees", "North East", "Unitary authority"),
        new(901, "E09000901", Hyperlink, "London", "London borough"),
        new(902, "E09000902", "+1", "London", "London borough"),
        new(903, "E09000903", "-2", "London", "London borough"),
        new(904, "E09000904", "@x", "London", "London borough"),
    ];

    /// <summary>Hartlepool's neighbours: Redcar and Cleveland closest, then Middlesbrough.</summary>
    public static readonly StatisticalNeighbour[] Neighbours =
    [
        new(805, 1, 807, "Close"),
        new(805, 2, 806, "Close"),
    ];

    /// <summary>Hartlepool's A1 result for 2001, every field set to a distinct value.</summary>
    public static readonly IndicatorResult Hartlepool = new()
    {
        Indicator = "A1", LaCode = 805, Year = 2001, Source = ResultSource.ChildLevel,
        Numerator = 0, Denominator = 40, Value = 0.0, Ci95Lower = 0.0, Ci95Upper = 8.76, Ci998Lower = 0.0, Ci998Upper = 19.31,
        Rank = 1, RankOf = 8, QuartileBand = "A", PafBand = 5, VsEngland = VsEngland.Better, SnAverage = 11.25,
        RegionAverage = 10.5, TypeAverage = 12.25, ChangePp = -2.5, Trend = Trend.Decreasing, TrendChi2 = 10.2,
        TargetValue = 16, TargetStatus = TargetStatus.Met, TargetDistance = 16,
    };

    /// <summary>A1 2001 numerators and denominators for the disclosure edge cases: 0, 1, 5, 6 of 40; 6 of 9; 6 of 10.</summary>
    public static IEnumerable<IndicatorResult> Results()
    {
        yield return Hartlepool;
        yield return A1(806, 1, 40, TargetStatus.Met, "A");
        yield return A1(807, 5, 40, TargetStatus.Met, "B");
        yield return A1(808, 6, 40, TargetStatus.Met, "B");
        yield return A1(901, 6, 9, TargetStatus.NotMet, "D");
        yield return A1(902, 6, 10, TargetStatus.NotMet, "D");
        yield return A1(903, 12, 100, TargetStatus.Met, "C");
        yield return A1(904, 30, 100, TargetStatus.NotMet, "D");
        // Stockton's 2000 numerator is 3: suppressed under --publish, so its 2001 change would give it away.
        yield return A1(808, 3, 40, TargetStatus.NotYetDue, "B") with { Year = 2000, ChangePp = null };
        yield return A1(805, 1, 40, TargetStatus.NotYetDue, "A") with { Year = 2000, ChangePp = null };
        yield return new IndicatorResult
        {
            Indicator = "A2", LaCode = 805, Year = 2001, Source = ResultSource.ChildLevel, Numerator = 12, Denominator = 20, Value = 60.0,
            TargetValue = 50, TargetStatus = TargetStatus.Met, Trend = Trend.CannotBeCalculated,
        };
    }

    private static IndicatorResult A1(int la, int num, int den, TargetStatus status, string band) => new()
    {
        Indicator = "A1", LaCode = la, Year = 2001, Source = ResultSource.ChildLevel, Numerator = num, Denominator = den,
        Value = 100.0 * num / den, Ci95Lower = 100.0 * num / den / 2, Ci95Upper = 100.0 * num / den + 5, QuartileBand = band,
        PafBand = 3, Rank = 2, RankOf = 8, VsEngland = VsEngland.Similar, ChangePp = 1.5, Trend = Trend.NoSignificantChange,
        TargetValue = 16, TargetStatus = status,
    };

    public static IEnumerable<NationalResult> National()
    {
        yield return new NationalResult
        {
            Indicator = "A1", Year = 2001, Numerator = 1234, Denominator = 5678, Value = 21.73, PublishedValue = 21.5,
            Q1 = 10.0, Median = 15.0, Q3 = 20.0, Authorities = 8, TargetValue = 16, Trend = Trend.NoSignificantChange,
        };
        yield return new NationalResult { Indicator = "A1", Year = 2000, Numerator = 4, Denominator = 80, Value = 5.0, Authorities = 2 };
    }

    public static readonly ValidationMessage Warning = new("Episodes.csv", 14, 4, Severity.Warning, "W301", "PLACE T9 is not a known placement type");

    /// <summary>A warning whose message a spreadsheet would take for a formula.</summary>
    public static readonly ValidationMessage FormulaWarning = new("Header.csv", 2, 3, Severity.Warning, "W302", "=1+1 looks like a formula");

    public static TestStore Store() =>
        new TestStore().With(Authorities, Neighbours, Results(), National())
            .WithWarnings(805, 2000, Warning)
            .WithWarnings(901, 2001, FormulaWarning);
}
