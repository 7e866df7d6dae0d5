using Qp.Cli;
using Qp.Sample;
using Qp.Store;

namespace Qp.Render.Pdf.Tests.Fixtures;

/// <summary>
/// A store made the way `qp run --sample` makes it: generated returns for every English authority, 1997-98 to 2001-02
/// (five years, so trends are tested), synthetic neighbours, the 1995–97 aggregate returns, imported and computed by qp itself.
/// Built once per test class that uses it (about ten seconds).
/// </summary>
public sealed class SampleEnglandStore : IDisposable
{
    public const int Year = 2002;

    public SampleEnglandStore()
    {
        Folder = Directory.CreateTempSubdirectory("qp-pdf-sample-").FullName;
        Db = Path.Combine(Folder, "qp.db");
        var returns = Path.Combine(Folder, "sample");
        Step("sample", "--out", returns, "--years", "1998-2002", "--seed", "1");
        var neighbours = Path.Combine(returns, "neighbours.csv");
        SyntheticNeighbours.Write(neighbours, PackStore.AllAuthorities());
        Step("import", "--db", Db, neighbours);
        foreach (var aggregate in Directory.EnumerateFiles(returns, "aggregate_*.csv")) Step("import", "--db", Db, aggregate);
        Step("import", "--db", Db, returns);
        Step("compute", "--db", Db);
        using var conn = QpDatabase.Open(Db);
        Data = PackStore.Load(conn);
    }

    public string Folder { get; }
    public string Db { get; }
    public ReportData Data { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void Step(params string[] args)
    {
        // qp's own output (a line per return) is not wanted in the test log.
        var (o, e) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        int code;
        try { code = QpApp.Run(args); }
        finally { Console.SetOut(o); Console.SetError(e); }
        if (code != 0) throw new InvalidOperationException($"qp {string.Join(' ', args)} exited with {code}");
    }
}
