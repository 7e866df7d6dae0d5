using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Html.Tests;

/// <summary>
/// The PDF tests' small store (Hartlepool and four neighbours, 2001) written once as a published web edition, the edition every
/// browser test reads: index, England and five authority pages. Hartlepool's B7 (3 of 37) is withheld as 'c' in it.
/// </summary>
public sealed class SmallEdition : IDisposable
{
    public static readonly DateTimeOffset Produced = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public SmallEdition()
    {
        Root = Directory.CreateTempSubdirectory("qp-html-").FullName;
        Data = PackStore.LoadSmall(Root);
        Folder = Path.Combine(Root, "web");
        Directory.CreateDirectory(Folder);
        Files = HtmlEdition.Write(Data, Options, Folder);
    }

    public static HtmlEditionOptions Options => new(2001, Publish: true, Produced);

    public string Root { get; }

    public ReportData Data { get; }

    public string Folder { get; }

    public IReadOnlyList<string> Files { get; }

    public string Hartlepool => Path.Combine(Folder, "805_Hartlepool.html");

    public string Page(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
