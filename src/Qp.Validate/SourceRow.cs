namespace Qp.Validate;

/// <summary>A place in a submitted file: file name, 1-based line and column (0 = whole row or file).</summary>
/// <param name="File">File name as shown to the user, e.g. Episodes.csv or return.xlsx[Episodes].</param>
/// <param name="Line">1-based line (row of a sheet, line of an XML element).</param>
/// <param name="Column">1-based column (field number, sheet column, XML column).</param>
public readonly record struct Location(string File, int Line, int Column)
{
    /// <summary>The CHILD of the row the place is in, when the place is in a row of a recognised table.</summary>
    public string? Child { get; init; }

    /// <summary>The column name the place is in, when it is one field of a row.</summary>
    public string? Field { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same place (file, line and column); the child and field only describe it.</summary>
    public bool Equals(Location other) => File == other.File && Line == other.Line && Column == other.Column;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Line, Column);
}

/// <summary>One data row of a recognised table, its values in schema order and the location of each field.</summary>
public sealed class SourceRow
{
    private readonly string?[] values;
    private readonly Location[]? at;
    private readonly int[]? columns;

    /// <summary>Creates a row; <paramref name="values"/> and <paramref name="fieldLocations"/> are in <see cref="TableSchema.Columns"/> order.</summary>
    public SourceRow(TableSchema table, Location row, string?[] values, Location[] fieldLocations)
    {
        Table = table;
        Row = row with { Child = values.Length > 0 ? values[0] : null };
        this.values = values;
        at = fieldLocations;
    }

    /// <summary>
    /// Creates a row whose fields all lie on <paramref name="row"/>'s line (a CSV record): <paramref name="values"/> in
    /// <see cref="TableSchema.Columns"/> order, and <paramref name="sourceColumns"/> the 0-based column of each (-1 when absent),
    /// shared by every row of the file rather than a location per field per row.
    /// </summary>
    public SourceRow(TableSchema table, Location row, string?[] values, int[] sourceColumns)
    {
        Table = table;
        Row = row with { Child = values.Length > 0 ? values[0] : null };
        this.values = values;
        columns = sourceColumns;
    }

    /// <summary>The table the row belongs to.</summary>
    public TableSchema Table { get; }

    /// <summary>Where the row starts (column 0).</summary>
    public Location Row { get; }

    /// <summary>The trimmed value of <paramref name="column"/>, or null when blank or absent. Codes are upper-case.</summary>
    public string? this[string column] => Table.IndexOf(column) is >= 0 and var i ? values[i] : null;

    /// <summary>The value at schema position <paramref name="i"/>.</summary>
    public string? Value(int i) => values[i];

    /// <summary>Where <paramref name="column"/> is; the row's start when the column is absent.</summary>
    public Location At(string column)
    {
        int i = Table.IndexOf(column);
        if (i < 0) return Row;
        if (at is not null) return at[i].Column > 0 ? at[i] with { Child = Row.Child, Field = Table.Columns[i] } : Row;
        return columns![i] >= 0 ? Row with { Column = columns[i] + 1, Field = Table.Columns[i] } : Row;
    }

    /// <summary>The CHILD value, or null.</summary>
    public string? Child => values[0];
}
