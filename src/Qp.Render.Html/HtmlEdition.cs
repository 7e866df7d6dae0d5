using Qp.Domain.Authorities;
using Qp.Render.Pdf;
using Qp.Store;

namespace Qp.Render.Html;

/// <summary>Options of one web edition.</summary>
/// <param name="Year">The collection year the pages report.</param>
/// <param name="Publish">Whether disclosure control applies: the same decision as the PDF packs and the workbook of that edition.</param>
/// <param name="Produced">The date shown as produced.</param>
/// <remarks>Whether the data are synthetic is the store's to say (<see cref="ReportData.Synthetic"/>): every page then says so at its top.</remarks>
public sealed record HtmlEditionOptions(int Year, bool Publish, DateTimeOffset Produced);

/// <summary>
/// The web edition: static, self-contained HTML pages (an index with search, England's overview, one page per authority) read from
/// the same edition model as the PDF packs, so every figure, 'c', target, band and sentence is theirs. No page needs script or network.
/// </summary>
public static class HtmlEdition
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFile = "index.html";

    /// <summary>England's overview page's file name.</summary>
    public const string EnglandFile = "england.html";

    /// <summary>An authority page's file name: the PDF pack's with .html, e.g. "805_Hartlepool.html".</summary>
    public static string FileNameFor(Authority authority) => Path.ChangeExtension(PdfPacks.FileNameFor(authority), ".html");

    /// <summary>Whether <paramref name="path"/> is a page of a web edition: an .html file whose head carries this tool's generator mark.</summary>
    public static bool IsEditionPage(string path)
    {
        if (!path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return false;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[512];
        int n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(head, 0, n).Contains(Shell.Generator, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes the index, England's page and a page for each of <paramref name="authorities"/> (every authority with results for the
    /// year when null) into <paramref name="folder"/>, each through a temporary file and a rename, in parallel; returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(ReportData data, HtmlEditionOptions options, string folder, IReadOnlyCollection<int>? authorities = null, Action? pageDone = null)
    {
        var edition = new EditionPages(data.ForEdition(options.Publish), options);
        var codes = edition.AuthoritiesWithResults.Where(a => authorities is null || authorities.Contains(a.Code)).ToList();
        edition.Written = codes.Select(a => a.Code).ToHashSet();
        var pages = new List<(string Name, Func<string> Render)>
        {
            (IndexFile, () => IndexPage.Render(edition, codes)),
            (EnglandFile, () => EnglandPage.Render(edition)),
        };
        pages.AddRange(codes.Select(a => (FileNameFor(a), (Func<string>)(() => AuthorityPage.Render(edition, a.Code)))));
        var files = new string[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var path = Path.Combine(folder, pages[i].Name);
            var html = System.Text.Encoding.UTF8.GetBytes(pages[i].Render());
            PdfPacks.WriteAtomically(path, s => s.Write(html));
            files[i] = path;
            pageDone?.Invoke();
        });
        return files;
    }
}

/// <summary>What every page of one edition reads: the packs' source (look-ups only), figures and options.</summary>
internal sealed class EditionPages
{
    public EditionPages(ReportData data, HtmlEditionOptions options)
    {
        Options = options;
        Source = new PackSource(data);
        // The packs' own formatting: every figure follows the edition's one disclosure decision.
        Figures = new Figures(options.Publish) { Edition = data.Disclosure };
        AuthoritiesWithResults = data.Results.Where(r => r.Year == options.Year).Select(r => r.LaCode).Distinct().Order()
            .Select(la => data.Authorities.GetValueOrDefault(la) ?? new Authority(la, "", la.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "")).ToList();
    }

    public HtmlEditionOptions Options { get; }

    public PackSource Source { get; }

    public Figures Figures { get; }

    /// <summary>Every authority with results in the year, by code.</summary>
    public IReadOnlyList<Authority> AuthoritiesWithResults { get; }

    /// <summary>The authorities whose pages this run writes: links go to these only.</summary>
    public IReadOnlySet<int> Written { get; set; } = new HashSet<int>();

    /// <summary>The packs' context for one page: England's when <paramref name="la"/> is null.</summary>
    public PackContext Context(int? la) => new(Source, Options.Year, Figures, la, Options.Produced);

    /// <summary>A link to an authority's page, or its name alone when the edition has no page for it.</summary>
    public string LinkTo(int la)
    {
        var a = Source.Authority(la);
        var name = Markup.Text(Source.NameOf(la));
        return a is null || !Written.Contains(la) ? name : $"<a href=\"{Markup.Text(HtmlEdition.FileNameFor(a))}\">{name}</a>";
    }
}
