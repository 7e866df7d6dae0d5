namespace Qp.Render.Excel;

/// <summary>What one workbook shows: the collection year, an optional focus authority, and whether it is for publication.</summary>
/// <param name="Year">The collection year of the Summary and indicator sheets (the Data sheet holds every year).</param>
/// <param name="FocusLa">The authority to put first and highlight, with its statistical neighbours beneath it; null for none.</param>
/// <param name="Publish">Whether disclosure control (SPEC §6) is applied.</param>
/// <param name="Produced">When the workbook was produced (shown in the footer and the document properties).</param>
public sealed record ExcelReportOptions(int Year, int? FocusLa, bool Publish, DateTime Produced);
