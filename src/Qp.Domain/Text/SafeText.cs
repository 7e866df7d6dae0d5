namespace Qp.Domain.Text;

/// <summary>Keeps text cells from being run as spreadsheet formulas (CSV/formula injection) when a file is opened in Excel or LibreOffice.</summary>
/// <remarks>
/// A text value that starts with one of the OWASP trigger characters (= + - @, tab or carriage return) gets a single
/// quote in front, which spreadsheets read as "this cell is text". Only text goes through here: numbers are written
/// as numbers, so a negative number stays a number.
/// </remarks>
public static class SafeText
{
    /// <summary>The character put in front of a formula-like text value.</summary>
    public const char Escape = '\'';

    /// <summary>The characters that make a spreadsheet take a text cell for a formula when it starts with one of them.</summary>
    public const string FormulaTriggers = "=+-@\t\r";

    /// <summary>Whether <paramref name="text"/> would be read as a formula by a spreadsheet: it starts with a trigger character.</summary>
    public static bool IsFormulaLike(string? text) =>
        !string.IsNullOrEmpty(text) && FormulaTriggers.Contains(text[0], StringComparison.Ordinal);

    /// <summary>The text as it may be written to a spreadsheet or CSV cell: prefixed with a single quote when formula-like, else unchanged (null stays null).</summary>
    public static string? Neutralise(string? text) => IsFormulaLike(text) ? Escape + text : text;
}
