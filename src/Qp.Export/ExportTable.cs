namespace Qp.Export;

/// <summary>A table ready to write: its column names and its rows, produced lazily so large exports stream.</summary>
/// <param name="Columns">The column names, in order.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
public sealed record ExportTable(IReadOnlyList<string> Columns, IEnumerable<Cell[]> Rows);
