using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>File-level rules (0xx), applied by the readers while they open and recognise files.</summary>
public static class FileRules
{
    /// <summary>Header or Episodes is absent.</summary>
    public static readonly FileRule RequiredTableMissing = new("E001", E, "The submission must contain a Header table and an Episodes table");

    /// <summary>A recognised table lacks one of its columns.</summary>
    public static readonly FileRule ColumnMissing = new("E002", E, "Every column of a recognised table must be present in its header row");

    /// <summary>A column the table does not have.</summary>
    public static readonly FileRule UnknownColumn = new("W003", W, "Columns that are not part of the table are ignored");

    /// <summary>No SSDA903 table has these headers: the file is named and not read (never read as another table).</summary>
    public static readonly FileRule UnrecognisedFile = new("W004", W, "A file whose column headers match no SSDA903 table is not read (SPEC §2)");

    /// <summary>Zero bytes or only blank lines.</summary>
    public static readonly FileRule EmptyFile = new("E005", E, "A file must not be empty: it needs a header row");

    /// <summary>Semicolon or tab separated.</summary>
    public static readonly FileRule WrongDelimiter = new("E006", E, "CSV files must be comma-separated (a ';' or tab separator is detected and named)");

    /// <summary>Two files hold the same table.</summary>
    public static readonly FileRule DuplicateTable = new("E007", E, "Each table may be supplied only once per submission");

    /// <summary>A row with more or fewer values than the header.</summary>
    public static readonly FileRule FieldCount = new("E008", E, "Every row must have as many values as the header row has columns");

    /// <summary>Bad quoting, truncated or not well-formed XML, unreadable workbook.</summary>
    public static readonly FileRule Malformed = new("E009", E, "A file must be well-formed CSV, XLSX or XML");

    /// <summary>DTD or external entity in XML.</summary>
    public static readonly FileRule XmlDtd = new("E010", E, "XML must not contain a DTD or entity declarations (they are never resolved)");

    /// <summary>A table with a header row and no data.</summary>
    public static readonly FileRule NoRows = new("W011", W, "A table should have at least one data row");

    /// <summary>A header name repeated.</summary>
    public static readonly FileRule DuplicateColumn = new("E012", E, "A column name may appear only once in a header row");

    /// <summary>A file in a submission folder that is not CSV.</summary>
    public static readonly FileRule IgnoredFile = new("W013", W, "Files other than .csv in a submission folder are ignored");

    /// <summary>A table the DfE does not collect in the return's year (e.g. SWEpisodes before 2023-24).</summary>
    public static readonly FileRule TableOutOfYear = new("W014", W, "A table should be one the DfE collects in the return's year; others are stored but no rule of the year checks them");

    /// <summary>A pipe, device, socket or dangling link where a file of the return should be: never read (it could wait or run forever).</summary>
    public static readonly FileRule NotRegularFile = new("E020", E, "A return's files must be regular files (not pipes, devices or links to nothing)");

    /// <summary>An input past the documented limits (a workbook's uncompressed size or rows per sheet; errors in one file): refused, reading stops.</summary>
    public static readonly FileRule InputLimit = new("E021", E, "An input must stay within the input limits (docs/safety.md): file size, field and row length, workbook parts, XML depth");

    /// <summary>A formula cell with no value saved with it, or an error value (#DIV/0!, #REF!, …): formulas are never evaluated.</summary>
    public static readonly FileRule FormulaWithoutValue = new("E022", E, "Workbook cells must hold values: a formula needs the value Excel saved with it, and error values are refused");

    /// <summary>A date cell whose serial number is no date (negative, or past 31/12/9999).</summary>
    public static readonly FileRule ImpossibleDateSerial = new("E023", E, "A date cell must hold a possible date");

    /// <summary>Bytes that are not UTF-8 in a file read as UTF-8: refused at the first one rather than read as U+FFFD.</summary>
    public static readonly FileRule NotUtf8 = new("E024", E, "Text files must be UTF-8 (or UTF-16 with a byte order mark)");

    /// <summary>
    /// A return with no data rows in any table given to replace a stored return: refused by the import (without --allow-empty) rather
    /// than by validation, since a first return may be empty (an authority with no child looked after).
    /// </summary>
    public static readonly FileRule NoData = new("E025", E, "An empty return never replaces a stored one without --allow-empty");

    /// <summary>Every file rule.</summary>
    public static readonly IReadOnlyList<FileRule> All =
        [RequiredTableMissing, ColumnMissing, UnknownColumn, UnrecognisedFile, EmptyFile, WrongDelimiter, DuplicateTable,
         FieldCount, Malformed, XmlDtd, NoRows, DuplicateColumn, IgnoredFile, TableOutOfYear, NotRegularFile, InputLimit, FormulaWithoutValue, ImpossibleDateSerial, NotUtf8];
}
