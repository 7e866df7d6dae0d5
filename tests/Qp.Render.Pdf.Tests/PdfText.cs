using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Qp.Render.Pdf.Tests;

/// <summary>A rendered pack read back with PdfPig.</summary>
public sealed class RenderedPdf
{
    public RenderedPdf(byte[] bytes)
    {
        Bytes = bytes;
        using var doc = PdfDocument.Open(bytes);
        PageCount = doc.NumberOfPages;
        Title = doc.Information.Title;
        Author = doc.Information.Author;
        Subject = doc.Information.Subject;
        Creator = doc.Information.Creator;
        Producer = doc.Information.Producer;
        CreationDate = doc.Information.CreationDate;
        Pages = doc.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
        FontNames = doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
    }

    public byte[] Bytes { get; }
    public int PageCount { get; }
    public string? Title { get; }
    public string? Author { get; }
    public string? Subject { get; }
    public string? Creator { get; }
    public string? Producer { get; }
    public string? CreationDate { get; }
    public IReadOnlyList<string> Pages { get; }
    public IReadOnlyList<string> FontNames { get; }

    /// <summary>All text with runs of whitespace collapsed, so wrapped sentences can be matched.</summary>
    public string Text => Collapse(string.Join("\n", Pages));

    public string PageText(int oneBased) => Collapse(Pages[oneBased - 1]);

    /// <summary>The raw PDF as Latin-1 text, to look at dictionary keys (e.g. embedded font files).</summary>
    public string Raw => Encoding.Latin1.GetString(Bytes);

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
