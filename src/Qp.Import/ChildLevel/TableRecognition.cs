using Qp.Domain;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Recognises the table of a CSV file or a sheet from its header row for the return's year, reporting what does not fit.</summary>
internal static class TableRecognition
{
    /// <summary>
    /// The table <paramref name="headers"/> belong to in collection year <paramref name="ctx"/>.Year, with its missing, unknown and
    /// out-of-year findings reported at <paramref name="top"/>; null (reported) when the headers match no table or the table was
    /// already read from another file of the submission.
    /// </summary>
    public static TableMatch? Recognise(IReadOnlyList<string> headers, string what, Location top, RuleContext ctx, ISet<TableSchema> seen)
    {
        var match = Tables.Recognise(headers, ctx.Year);
        if (match is null)
        {
            // The "header" may really be a data row (a file saved without headers), so its values are not quoted.
            ctx.Report(FileRules.UnrecognisedFile, top,
                $"the header row ({headers.Count} columns) matches no SSDA903 table; {what} is not read (its first row must name the columns, e.g. CHILD,DECOM,RNE,…)");
            return null;
        }
        var table = match.Table;
        if (!seen.Add(table))
        {
            ctx.Report(FileRules.DuplicateTable, top, $"the {table.Name} table is supplied more than once; {what} is ignored");
            return null;
        }
        if (!table.Years.Contains(ctx.Year))
            ctx.Report(FileRules.TableOutOfYear, top,
                $"the DfE collects {table.Name} {table.Years}, not in {CollectionYear.Display(ctx.Year)}; its rows are stored but no rule of the year checks them");
        foreach (var m in match.Missing) ctx.Report(FileRules.ColumnMissing, top, $"{table.Name} column {m} is missing");
        foreach (var (name, i) in match.Unknown)
            ctx.Report(FileRules.UnknownColumn, top with { Column = i + 1 }, $"column {(name.Length > 0 ? name : "(unnamed)")} is not part of {table.Name}; it is ignored");
        return match;
    }
}
