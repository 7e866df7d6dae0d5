using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>Document metadata written into the PDF's info dictionary.</summary>
internal sealed record PackMetadata(string Title, string Subject, DateTimeOffset Produced);

/// <summary>Writes a list of pages as one PDF/A-flagged SkiaSharp document, each page inside the frame.</summary>
internal static class PackWriter
{
    public static void Write(Stream output, PackMetadata meta, PageFrame frame, IReadOnlyList<IPage> pages, ILayoutObserver? observer = null)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = meta.Title,
            Author = "QP Reporting",
            Subject = meta.Subject,
            Keywords = "Quality Protects; children looked after; performance indicators",
            Creator = "qp report pdf",
            Producer = "QP Reporting " + typeof(PackWriter).Assembly.GetName().Version?.ToString(3) + " (SkiaSharp)",
            Creation = meta.Produced.UtcDateTime,
            Modified = meta.Produced.UtcDateTime,
            PdfA = true,
            RasterDpi = 150,
        };
        using var doc = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document");
        for (int i = 0; i < pages.Count; i++)
        {
            var canvas = doc.BeginPage(PageFrame.Width, PageFrame.Height);
            LayoutLog.Begin(observer, meta.Title, i + 1);
            try
            {
                frame.Draw(canvas, pages[i].Section, i + 1, pages.Count);
                canvas.Save();
                pages[i].Draw(canvas, PageFrame.Content);
                canvas.Restore();
            }
            finally { LayoutLog.End(); }
            doc.EndPage();
        }
        doc.Close();
    }
}
