using Qp.Domain;
using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Render.Pdf.Components;
using Qp.Render.Pdf.Pages;
using Qp.Store;

namespace Qp.Render.Pdf;

/// <summary>Options shared by every pack of a run.</summary>
/// <param name="Year">The collection year the packs report.</param>
/// <param name="Publish">Whether disclosure control applies (SPEC §6).</param>
/// <param name="Produced">The date shown as produced and written as the PDF creation date.</param>
public sealed record PackOptions(int Year, bool Publish, DateTimeOffset Produced)
{
    /// <summary>Told what each page drew (chart keys and marks, text cut short); the layout tests listen here.</summary>
    internal ILayoutObserver? Observer { get; init; }
}

/// <summary>The PDF councillor packs: one authority, every authority (in parallel), or the national overview; all read stored results only.</summary>
public static class PdfPacks
{
    /// <summary>Writes the pack for one authority to <paramref name="output"/>.</summary>
    public static void WriteAuthorityPack(ReportData data, int laCode, PackOptions options, Stream output) =>
        WriteAuthorityPack(new PackSource(data.ForEdition(options.Publish)), laCode, options, output);

    /// <summary>Writes the national overview pack to <paramref name="output"/>.</summary>
    public static void WriteNationalPack(ReportData data, PackOptions options, Stream output)
    {
        data = data.ForEdition(options.Publish);
        var ctx = new PackContext(new PackSource(data), options.Year, FiguresFor(data, options), null, options.Produced);
        var cover = new CoverPage(ctx, "National overview of council performance", Sources(ctx));
        var pages = new List<IPage> { cover, new NationalSummaryPage(ctx) };
        pages.AddRange(ctx.Source.Catalogue.Select(d => new NationalIndicatorPage(ctx, d)));
        var definitions = DefinitionsPages.Build(ctx);
        var notes = DataQualityPages.Build(ctx);
        cover.Contents = Contents(ctx, definitions.Count);
        pages.AddRange(definitions);
        pages.AddRange(notes);
        PackWriter.Write(output, new PackMetadata($"Quality Protects national overview {ctx.YearDisplay}",
                $"England's performance on the Quality Protects indicators, {ctx.YearDisplay}{Edition(options)}", options.Produced),
            Frame(ctx), pages, options.Observer);
    }

    /// <summary>Writes one pack per authority with results for the year into <paramref name="folder"/>, using all cores; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAllAuthorityPacks(ReportData data, PackOptions options, string folder, Action? packDone = null)
    {
        data = data.ForEdition(options.Publish);
        var source = new PackSource(data);
        var authorities = data.Results.Where(r => r.Year == options.Year).Select(r => r.LaCode).Distinct().Order()
            .Select(la => data.Authorities.GetValueOrDefault(la) ?? new Authority(la, "", la.ToString(), "", "")).ToList();
        var files = new string[authorities.Count];
        Parallel.For(0, authorities.Count, i =>
        {
            var path = Path.Combine(folder, FileNameFor(authorities[i]));
            WriteAtomically(path, s => WriteAuthorityPack(source, authorities[i].Code, options, s));
            files[i] = path;
            packDone?.Invoke();
        });
        return files;
    }

    /// <summary>Writes a file through a temporary file and a rename, so a reader never sees half a pack.</summary>
    /// <remarks>A write failure (a full disk) is raised as an <see cref="IOException"/> naming <paramref name="path"/>, after the temporary file is removed.</remarks>
    public static void WriteAtomically(string path, Action<Stream> write) => WriteAtomically(path, write, s => s);

    /// <summary>As <see cref="WriteAtomically(string, Action{Stream})"/>, with the file stream wrapped by <paramref name="wrap"/> (tests put a failing stream there).</summary>
    internal static void WriteAtomically(string path, Action<Stream> write, Func<Stream, Stream> wrap)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                // Skia writes from a native callback, where an exception would abort the process: failures are kept and raised here.
                var guarded = new WriteFailureStream(wrap(file));
                write(guarded);
                guarded.Flush();
                guarded.ThrowIfFailed();
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: the pack cannot be written: {e.Message.Replace(temp, "its temporary file", StringComparison.Ordinal)}", e);
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { }
        }
    }

    /// <summary>The pack's file name: the authority code and its sanitised name, e.g. "805_Hartlepool.pdf".</summary>
    public static string FileNameFor(Authority authority) => $"{authority.Code}_{Qp.Domain.Text.SafeFileName.From(authority.Name)}.pdf";

    private static void WriteAuthorityPack(PackSource source, int laCode, PackOptions options, Stream output)
    {
        var ctx = new PackContext(source, options.Year, FiguresFor(source.Data, options), laCode, options.Produced);
        var pages = AuthorityPages(ctx);
        PackWriter.Write(output, new PackMetadata($"Quality Protects performance pack: {ctx.AreaName} {ctx.YearDisplay}",
                $"{ctx.AreaName}'s performance on the Quality Protects indicators beside England and its statistical neighbours, {ctx.YearDisplay}{Edition(options)}",
                options.Produced),
            Frame(ctx), pages, options.Observer);
    }

    // Every figure of a pack follows the edition's one disclosure decision.
    private static Figures FiguresFor(ReportData data, PackOptions options) => new(options.Publish) { Edition = data.Disclosure };

    private static List<IPage> AuthorityPages(PackContext ctx)
    {
        var cover = new CoverPage(ctx, "Performance pack for councillors", Sources(ctx));
        var pages = new List<IPage> { cover, new SummaryPage(ctx) };
        pages.AddRange(ctx.Source.Catalogue.Select(d => new IndicatorPage(ctx, d)));
        var definitions = DefinitionsPages.Build(ctx);
        cover.Contents = Contents(ctx, definitions.Count);
        pages.AddRange(definitions);
        pages.AddRange(DataQualityPages.Build(ctx));
        return pages;
    }

    private static IReadOnlyList<(string, int)> Contents(PackContext ctx, int definitionPages)
    {
        var list = new List<(string, int)> { ("Summary", 2) };
        list.AddRange(ctx.Source.Catalogue.Select((d, i) => (d.Title, 3 + i)));
        int next = 3 + ctx.Source.Catalogue.Count;
        list.Add(("Definitions", next));
        list.Add(("Notes on data quality", next + definitionPages));
        return list;
    }

    private static PageFrame Frame(PackContext ctx) => new(
        $"{ctx.AreaName}  |  {ctx.YearDisplay}",
        $"Produced {ctx.Produced:d MMMM yyyy}  |  {(ctx.Figures.Publish ? "Published edition: disclosure control applied" : "Not for publication")}",
        ctx.Text.SyntheticNotice);

    private static string Edition(PackOptions o) => o.Publish ? " (published edition, disclosure control applied)" : " (not for publication)";

    private static IReadOnlyList<string> Sources(PackContext ctx)
    {
        var used = ctx.Source.Data.Results.Where(r => r.Year == ctx.Year && (ctx.LaCode is null || r.LaCode == ctx.LaCode))
            .Select(r => r.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        var list = new List<string>();
        if (used.Contains(ResultSource.ChildLevel)) list.Add("Child-level returns (SSDA903) submitted by local authorities, validated and counted by QP Reporting.");
        if (used.Contains(ResultSource.Aggregate)) list.Add("Quality Protects aggregate returns submitted by local authorities.");
        if (used.Contains(ResultSource.Published)) list.Add("Department for Education published statistics (explore-education-statistics).");
        list.Add(ctx.Text.EnglandNote);
        list.Add(ctx.Text.Synthetic
            ? "Statistical neighbours: SYNTHETIC neighbour groups made by qp sample (not the Department for Education's model)."
            : "Statistical neighbours: the Department for Education's statistical neighbour model.");
        list.Add("Targets: the Government's Quality Protects and PAF targets, as set out in the indicator definitions.");
        return list;
    }
}
