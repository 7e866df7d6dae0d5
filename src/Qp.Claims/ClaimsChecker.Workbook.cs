using System.Globalization;
using ClosedXML.Excel;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;

namespace Qp.Claims;

public sealed partial class ClaimsChecker
{
    /// <summary>Checks a comparison workbook: synthetic marking and print areas on every sheet; status cells, neighbour averages and England on the indicator sheets.</summary>
    public void CheckWorkbook(string path)
    {
        var name = Path.GetFileName(path);
        using var wb = new XLWorkbook(path);
        var e = Figures((wb.Properties.Keywords ?? "").Contains("published", StringComparison.OrdinalIgnoreCase)
                        && !(wb.Properties.Keywords ?? "").Contains("not for publication", StringComparison.OrdinalIgnoreCase));
        foreach (var ws in wb.Worksheets)
        {
            var where = $"{name} sheet {ws.Name}";
            var used = ws.CellsUsed().Where(c => !string.IsNullOrEmpty(c.GetString())).ToList();
            if (_stored.Synthetic)
                Report.Check(ClaimKind.Synthetic, used.Where(c => c.Address.RowNumber <= 8).Any(c => c.GetString().Contains(EditionText.SyntheticMark, StringComparison.Ordinal)),
                    where, () => "made from synthetic data but its first rows do not say SYNTHETIC");
            CheckPrintArea(ws, used, where);
            var def = _stored.Catalogue.FirstOrDefault(d => d.Id == ws.Name);
            if (def is not null) CheckIndicatorSheet(e, def, ws, where);
            else if (ws.Name == "Summary") CheckSummarySheet(e, ws, where);
        }
    }

    private void CheckPrintArea(IXLWorksheet ws, IReadOnlyList<IXLCell> used, string where)
    {
        var areas = ws.PageSetup.PrintAreas.ToList();
        // A sheet with no print area prints whole; one set to print only its notes says so in them.
        if (areas.Count == 0 || used.Any(c => c.GetString().StartsWith("Not set up to print", StringComparison.Ordinal) || c.GetString().Contains("Not set up to print", StringComparison.Ordinal)))
            return;
        static bool Inside(IXLRange a, IXLCell c) =>
            c.Address.RowNumber >= a.RangeAddress.FirstAddress.RowNumber && c.Address.RowNumber <= a.RangeAddress.LastAddress.RowNumber &&
            c.Address.ColumnNumber >= a.RangeAddress.FirstAddress.ColumnNumber && c.Address.ColumnNumber <= a.RangeAddress.LastAddress.ColumnNumber;
        var outside = used.Where(c => !areas.Any(a => Inside(a, c))).ToList();
        Report.Check(ClaimKind.PrintArea, outside.Count == 0, where,
            () => $"print area {string.Join(", ", areas.Select(a => a.RangeAddress.ToString()))} leaves out {outside.Count} non-empty cell(s), e.g. {outside[0].Address}");
    }

    private static (int Row, Dictionary<string, int> Columns)? Header(IXLWorksheet ws)
    {
        foreach (var row in ws.RowsUsed().Take(12))
            if (row.Cell(1).GetString() == "Code")
                return (row.RowNumber(), row.CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber));
        return null;
    }

    private void CheckIndicatorSheet(EditionFigures e, IndicatorDefinition d, IXLWorksheet ws, string where)
    {
        if (Header(ws) is not var (headerRow, columns)) return;
        int last = ws.LastRowUsed()?.RowNumber() ?? headerRow;
        for (int row = headerRow + 1; row <= last; row++)
        {
            var label = ws.Cell(row, 2).GetString();
            if (ws.Cell(row, 1).IsEmpty())
            {
                if (label.StartsWith("England", StringComparison.Ordinal) && !label.Contains("published", StringComparison.Ordinal) && columns.TryGetValue("Value (%)", out int vc))
                {
                    var cell = ws.Cell(row, vc);
                    var expected = e.England(d.Id)?.Value;
                    bool labelled = label.Contains(e.Edition.Published ? "rounded counts" : "exact counts", StringComparison.Ordinal);
                    bool same = cell.IsEmpty() ? expected is null : cell.GetString() == DisclosureControl.Suppressed || (cell.TryGetValue(out double v) && expected is { } x && Math.Abs(v - x) < 1e-6);
                    Report.Check(ClaimKind.England, same && labelled, where,
                        () => $"row {row} \"{label}\" {cell.GetString()}; this edition's England figure is {Words.Percent(expected)}{(labelled ? "" : ", and the row does not say what it is built from")}");
                }
                continue;
            }
            if (!ws.Cell(row, 1).TryGetValue(out double code)) continue;
            var r = e.Result(d.Id, (int)code);
            if (r is null) continue;
            if (columns.TryGetValue("Target status", out int sc)) CheckStatusCell(e, d, r, ws.Cell(row, sc), where);
            if (columns.TryGetValue("SN average (%)", out int ac))
            {
                var basis = e.Edition.AverageBases(r).Neighbours;
                var cell = ws.Cell(row, ac);
                bool ok = basis.Used >= 2
                    ? cell.TryGetValue(out double v) && r.SnAverage is { } avg && Math.Abs(v - avg) < 1e-6
                    : cell.IsEmpty() || cell.GetString().Length == 0;
                Report.Check(ClaimKind.Average, ok, where,
                    () => $"{cell.Address} ({(int)code}) shows \"{cell.GetString()}\" as the neighbour average; it rests on {basis.Used} shown figure(s), average {Words.Percent(r.SnAverage)}");
            }
        }
    }

    private void CheckSummarySheet(EditionFigures e, IXLWorksheet ws, string where)
    {
        if (Header(ws) is not var (headerRow, columns)) return;
        int last = ws.LastRowUsed()?.RowNumber() ?? headerRow;
        foreach (var d in _stored.Catalogue)
        {
            if (!columns.TryGetValue($"{d.Id} target status", out int sc)) continue;
            for (int row = headerRow + 1; row <= last; row++)
                if (ws.Cell(row, 1).TryGetValue(out double code) && e.Result(d.Id, (int)code) is { } r)
                    CheckStatusCell(e, d, r, ws.Cell(row, sc), where);
        }
    }

    private void CheckStatusCell(EditionFigures e, IndicatorDefinition d, IndicatorResult r, IXLCell cell, string where)
    {
        bool due = d.Targets.Any(t => t.FromYear <= _year);
        string expected = e.Edition.Hides(r, Withheld.Percent | Withheld.Target) ? DisclosureControl.Suppressed : r.TargetStatus switch
        {
            TargetStatus.Met => "Met",
            TargetStatus.NotMet => "Not met",
            TargetStatus.NotYetDue => "Not yet due",
            // A due target with nothing to judge has no figure; one that cannot be set (a relative target without its baseline) is no target.
            _ => due && r.Value is null ? "No figure" : "No target",
        };
        var said = cell.GetString();
        // A withheld figure whose indicator has no target due may say so ("No target", "Not yet due"): that gives nothing away.
        bool alsoTrue = expected == DisclosureControl.Suppressed && !due && said == (d.Targets.Count > 0 ? "Not yet due" : "No target");
        Report.Check(ClaimKind.StatusCell, said == expected || alsoTrue, where,
            () => string.Create(CultureInfo.InvariantCulture, $"{cell.Address} ({r.LaCode}, {r.Numerator?.ToString() ?? "–"} of {r.Denominator?.ToString() ?? "–"}) says \"{said}\"; the figures give \"{expected}\""));
    }
}
