using Qp.Domain.Validation;

namespace Qp.Validate.Rules;

/// <summary>Builders for the common kinds of row rule, so each catalogue entry is one line.</summary>
internal static class R
{
    public const Severity E = Severity.Error;
    public const Severity W = Severity.Warning;

    /// <summary>A value safe to quote: identifiers (CHILD, UPN, DOB, MC_DOB, postcodes) are never quoted.</summary>
    public static string Quote(string field, string value) => Codes.Identifiers.Contains(field) ? field : $"{field} {value}";

    public static RowRule Required(string code, TableSchema t, string field) =>
        new(code, E, t, [field], $"{field} must be present",
            (r, _) => r[field] is null ? (field, $"{field} is missing") : null);

    public static RowRule Date(string code, TableSchema t, string field) =>
        new(code, E, t, [field], $"{field} must be a valid date (dd/mm/yyyy)",
            (r, _) => r[field] is { } v && !Codes.TryDate(v, out DateOnly _) ? (field, $"{Quote(field, v)} is not a valid date (dd/mm/yyyy)") : null);

    public static RowRule NotLate(string code, TableSchema t, string field) =>
        new(code, E, t, [field], $"{field} must not be in the future or after 31 March of the collection year",
            (r, c) => Codes.Date(r[field]) is { } d && c.TooLate(d) is { } why ? (field, $"{Quote(field, Codes.Show(d))} {why}") : null);

    public static RowRule InList(string code, TableSchema t, string field, CodeList codes, bool blankFires = false, Severity severity = E) =>
        new(code, severity, t, [field], $"{field} must be one of {codes.Describe()}{(blankFires ? "" : " (or blank)")}",
            (r, c) => r[field] switch
            {
                null when blankFires => (field, $"{field} is missing; it must be one of {string.Join(" ", codes.In(c.Year).Order(StringComparer.Ordinal))}"),
                { } v when !codes.Contains(v, c.Year) => (field, codes.AllCodes.Contains(v, StringComparer.OrdinalIgnoreCase)
                    ? $"{field} '{v}' is not a valid code in {Qp.Domain.CollectionYear.Display(c.Year)}"
                    : $"{field} '{v}' is not a valid code"),
                _ => null,
            });

    public static RowRule Flags(string code, TableSchema t, params string[] fields) =>
        new(code, E, t, fields, $"{string.Join(", ", fields)} must be 0 or 1 (or blank)",
            (r, _) => fields.FirstOrDefault(f => r[f] is { } v && !Codes.Flag.Contains(v, 0)) is { } bad ? (bad, $"{bad} '{r[bad]}' must be 0 or 1") : null);

    public static RowRule Check(string code, Severity s, TableSchema t, string[] fields, string description,
        Func<SourceRow, RuleContext, (string, string)?> check) => new(code, s, t, fields, description, check);
}
