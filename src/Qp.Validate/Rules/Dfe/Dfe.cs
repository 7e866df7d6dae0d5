using Qp.Domain.Validation;

namespace Qp.Validate.Rules.Dfe;

/// <summary>Builders for the DfE's rules: each keeps the DfE's code as its code and as <see cref="Rule.DfeCode"/>.</summary>
internal static partial class D
{
    public const Severity E = Severity.Error;
    public const Severity W = Severity.Warning;

    /// <summary>The DfE's years as the open validator knows them: its first rule set is 2022-23.</summary>
    public static readonly YearsInForce FromPeer = YearsInForce.Since(2023);

    public static RowRule Row(string code, TableSchema t, string[] fields, string description,
        Func<SourceRow, RuleContext, (string, string)?> check, YearsInForce? years = null, Severity severity = E) =>
        new(code, severity, t, fields, description, check) { Years = years ?? FromPeer, DfeCode = code };

    public static ChildRule Child(string code, string table, string[] fields, string description,
        Action<ChildFacts, RuleContext, Rule> check, YearsInForce? years = null, Severity severity = E) =>
        new(code, severity, table, fields, description, check) { Years = years ?? FromPeer, DfeCode = code };

    /// <summary>Whether SEX means female in <paramref name="year"/> (2 up to 2023-24, F from 2024-25).</summary>
    public static bool Female(string? sex, int year) => year >= 2025 ? sex == "F" : sex == "2";

    /// <summary>Whether SEX means male in <paramref name="year"/> (1 up to 2023-24, M from 2024-25).</summary>
    public static bool Male(string? sex, int year) => year >= 2025 ? sex == "M" : sex == "1";

    public static bool In(string? v, string a, string b) => v == a || v == b;

    public static bool IsTemp(string? place) => place is "T0" or "T1" or "T2" or "T3" or "T4";

    public static bool IsShortBreak(string? ls) => ls is "V3" or "V4";

    /// <summary>Whether the child is UASC this year (a UASC row) or was last year (a UASC row in last year's return, when known).</summary>
    public static bool IsOrWasUasc(ChildFacts c, RuleContext ctx) => c.IsUasc || ctx.Previous?.RowsOf("UASC", c.Id).Count > 0;
}
