using ClosedXML.Excel;
using Qp.Store;

namespace Qp.Render.Excel;

/// <summary>The comparison workbook (SPEC §6): Summary, one sheet per indicator, Definitions, Data and Validation, all read from the stored results.</summary>
public static class ExcelReport
{
    /// <summary>Writes the workbook to <paramref name="path"/> atomically: into a temporary file beside it, then renamed over it.</summary>
    public static void Write(ReportData data, ExcelReportOptions options, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                Write(data, options, file);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(ReportData data, ExcelReportOptions options, Stream output)
    {
        var ctx = new ReportContext(data, options);
        var dataRows = DataSheet.Rows(ctx);
        using var saved = new MemoryStream();
        using (var wb = new XLWorkbook())
        {
            SummarySheet.Write(wb, ctx);
            foreach (var def in data.Catalogue) IndicatorSheet.Write(wb, ctx, def);
            DefinitionsSheet.Write(wb, ctx);
            DataSheet.WriteFrame(wb, ctx, dataRows);
            ValidationSheet.Write(wb, ctx);
            SetProperties(wb, ctx);
            wb.Worksheet(SummarySheet.Name).SetTabActive();
            wb.SaveAs(saved);
        }
        saved.Position = 0;
        StreamedSheet.Write(saved, output, DataSheet.Name, dataRows);
    }

    private static void SetProperties(XLWorkbook wb, ReportContext ctx)
    {
        var p = wb.Properties;
        p.Title = $"Quality Protects performance indicators {ctx.YearText}";
        if (ctx.Options.FocusLa is { } la) p.Title += $": {ctx.Data.NameOf(la)}";
        p.Author = "QP Reporting";
        p.Subject = "Children looked after: performance indicators by local authority";
        p.Keywords = ctx.Options.Publish ? "Quality Protects; published (disclosure control applied)" : "Quality Protects; not for publication";
        p.Created = ctx.Options.Produced;
        p.Modified = ctx.Options.Produced;
        p.Company = "QP Reporting";
    }
}
