using Qp.Domain.Validation;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE tables other than Header and Episodes whose rows the per-child DfE rules read.</summary>
public static class DfeTables
{
    /// <summary>The first collection year of the DfE's published rules (2022-23).</summary>
    public const int FirstYear = 2023;

    /// <summary>Tables whose rows are kept per child for the DfE's cross-table rules.</summary>
    public static readonly IReadOnlySet<TableSchema> Kept = new HashSet<TableSchema>
    {
        Tables.Oc2, Tables.Oc3, Tables.Ad1, Tables.PlacedAdoption, Tables.Missing, Tables.Uasc, Tables.PrevPerm, Tables.Reviews,
        Tables.SwEpisodes, Tables.DoLo,
    };
}

/// <summary>
/// Builders for the rules ported from the DfE's catalogue: each keeps the DfE code as its code. The open validator gives no
/// severity, and the DfE's specification calls these checks errors, so they are errors.
/// </summary>
internal static partial class D
{
    /// <summary>In force from 2022-23, the first year the DfE's rules are published for.</summary>
    public static readonly YearsInForce Since2023 = YearsInForce.Since(DfeTables.FirstYear);

    public static RowRule Row(string code, YearsInForce years, TableSchema t, string[] fields, string description,
        Func<SourceRow, RuleContext, (string Field, string Message)?> check) =>
        new(code, Severity.Error, t, fields, description, check) { Years = years, DfeCode = code };

    public static ChildRule Child(string code, YearsInForce years, string table, string[] fields, string description,
        Action<ChildFacts, RuleContext, Rule> check) =>
        new(code, Severity.Error, table, fields, description, check) { Years = years, DfeCode = code };

    /// <summary>A code in a list; blank fires only when <paramref name="blankFires"/>.</summary>
    public static RowRule InList(string code, TableSchema t, string field, CodeList codes, bool blankFires = false, YearsInForce? years = null) =>
        Row(code, years ?? Since2023, t, [field], $"{field} must be one of {codes.Describe()}{(blankFires ? "" : " (or blank)")}",
            (r, c) => r[field] switch
            {
                null => blankFires ? (field, $"{field} is blank; it must be one of {codes.Describe()}") : null,
                { } v when !codes.Contains(v, c.Year) => (field, $"{field} '{v}' is not one of {codes.Describe()}"),
                _ => null,
            });

    /// <summary>A valid dd/mm/yyyy date; blank fires only when <paramref name="required"/>.</summary>
    public static RowRule ValidDate(string code, TableSchema t, string field, bool required = false) =>
        Row(code, Since2023, t, [field], $"{field} must be a valid date (dd/mm/yyyy){(required ? "" : " when given")}",
            (r, _) => r[field] switch
            {
                null => required ? (field, $"{field} is blank; a date is required") : null,
                { } v when !Codes.TryDate(v, out DateOnly _) => (field, $"{R.Quote(field, v)} is not a valid date (dd/mm/yyyy)"),
                _ => null,
            });

    /// <summary>The date in <paramref name="field"/>, or null when blank or invalid.</summary>
    public static DateOnly? Dt(SourceRow r, string field) => Codes.Date(r[field]);

    /// <summary>Whether any of <paramref name="fields"/> is given.</summary>
    public static bool Any(SourceRow r, string[] fields)
    {
        foreach (var f in fields) if (r[f] is not null) return true;
        return false;
    }

    /// <summary>Whether every one of <paramref name="fields"/> is given.</summary>
    public static bool All(SourceRow r, string[] fields)
    {
        foreach (var f in fields) if (r[f] is null) return false;
        return true;
    }

    /// <summary>The first of <paramref name="fields"/> that is blank, or null.</summary>
    public static string? FirstBlank(SourceRow r, string[] fields)
    {
        foreach (var f in fields) if (r[f] is null) return f;
        return null;
    }

    /// <summary>The first of <paramref name="fields"/> that is given, or null.</summary>
    public static string? FirstGiven(SourceRow r, string[] fields)
    {
        foreach (var f in fields) if (r[f] is not null) return f;
        return null;
    }

    /// <summary>
    /// Whether the child counts as looked after continuously through the year in the DfE's sense: some episode is open in the year,
    /// and none starts a period of care in the year (RNE S after 1 April), ends one before 31 March (REC other than X1) or is a
    /// short break (LS V3/V4) in the year.
    /// </summary>
    public static bool ContinuouslyLookedAfter(ChildFacts c, RuleContext ctx)
    {
        bool inYear = false;
        foreach (var e in c.Episodes)
        {
            bool during = e.Decom <= ctx.YearEnd && (e.Dec is null || e.Dec >= ctx.YearStart);
            inYear |= during;
            if (e.Rne == "S" && e.Decom > ctx.YearStart && e.Decom <= ctx.YearEnd) return false;
            if (e.Rec != "X1" && e.Dec is { } dec && dec >= ctx.YearStart && dec < ctx.YearEnd) return false;
            if (e.Ls is "V3" or "V4" && during) return false;
        }
        return inYear;
    }

    /// <summary>The child's episode with the latest DECOM, or null.</summary>
    public static EpisodeFact? Latest(ChildFacts c) => c.Ordered.Count == 0 ? null : c.Ordered[^1];

    /// <summary>Whether the episode is open at some time in the collection year.</summary>
    public static bool InYear(EpisodeFact e, RuleContext ctx) => e.Decom <= ctx.YearEnd && (e.Dec is null || e.Dec >= ctx.YearStart);

    /// <summary>Reports <paramref name="rule"/> on the episode the finding is about too (as the DfE does, so both rows are shown).</summary>
    public static void FlagEpisode(RuleContext ctx, Rule rule, EpisodeFact e, string message) => ctx.Report(rule, e.Row, message);

    /// <summary>Reports <paramref name="rule"/> at <paramref name="field"/> of <paramref name="row"/>.</summary>
    public static void Flag(RuleContext ctx, Rule rule, SourceRow row, string field, string message) => ctx.Report(rule, row.At(field), message);
}
