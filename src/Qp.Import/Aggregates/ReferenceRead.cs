using Qp.Domain.Validation;

namespace Qp.Import.Aggregates;

/// <summary>What a reference-file reader found: the items, or the errors that reject the whole file.</summary>
/// <typeparam name="T">The kind of item read.</typeparam>
/// <param name="Items">The items read (empty when there are errors).</param>
/// <param name="Errors">Located errors; any one rejects the file.</param>
/// <param name="Skipped">Rows deliberately left out, with the reason, e.g. "3 rows for authorities not in the authorities table".</param>
public sealed record ReferenceRead<T>(IReadOnlyList<T> Items, IReadOnlyList<ValidationMessage> Errors, IReadOnlyList<string> Skipped)
{
    /// <summary>Whether the file is accepted.</summary>
    public bool Accepted => Errors.Count == 0;
}

/// <summary>Builds located error messages for reference files.</summary>
internal static class Located
{
    public static ValidationMessage Error(Table table, TableRow row, int column, string code, string message) =>
        new(table.File, row.Line, column + 1, Severity.Error, code, message);
}
