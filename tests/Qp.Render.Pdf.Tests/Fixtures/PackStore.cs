using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Domain.Results;
using Qp.Domain.Validation;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Render.Pdf.Tests.Fixtures;

/// <summary>Test stores holding hand-made results, written the way compute writes them (ResultsStore.ReplaceAll).</summary>
public static class PackStore
{
    /// <summary>The templates folder copied beside the test assembly.</summary>
    public static string TemplatesFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    public static IReadOnlyList<Authority> AllAuthorities() => AuthoritiesFile.Read(Path.Combine(TemplatesFolder, "authorities.csv"));

    /// <summary>Builds the small store in <paramref name="folder"/> and loads what a pack reads from it.</summary>
    public static ReportData LoadSmall(string folder)
    {
        var db = Path.Combine(folder, "qp.db");
        BuildSmall(db);
        using var conn = QpDatabase.Open(db);
        return Load(conn);
    }

    public static ReportData Load(SqliteConnection conn) =>
        ReportData.Load(conn, IndicatorCatalogueFile.ReadFolder(Path.Combine(TemplatesFolder, "indicators")));

    public const int Hartlepool = 805;
    public static readonly int[] HartlepoolNeighbours = [806, 807, 808, 841];

    /// <summary>
    /// Five North East authorities, 1997–2001. Hartlepool's 2001 figures (numerator / denominator = value):
    /// A1 31/250 = 12.4%, A2 27/45 = 60.0%, A3 9/60 = 15.0%, B7 3/37 = 8.1% (a count of 3: suppressed when published),
    /// C23 12/160 = 7.5%, D78 40/90 = 44.4%, HA 150/200 = 75.0%. England A1 = 151/1000 = 15.1%; neighbour average A1 = 13.0%.
    /// Warnings: three W101 and one W220 in Hartlepool's 2001 return, one W101 in Middlesbrough's.
    /// </summary>
    public static void BuildSmall(string path)
    {
        using var conn = QpDatabase.Open(path);
        var authorities = AllAuthorities().Where(a => a.Code is 805 or 806 or 807 or 808 or 841).ToList();
        AuthorityStore.ReplaceAuthorities(conn, authorities);
        AuthorityStore.ReplaceNeighbours(conn, HartlepoolNeighbours.Select((n, i) => new StatisticalNeighbour(Hartlepool, i + 1, n, "Close")).ToList());

        var results = new List<IndicatorResult>
        {
            R("A1", 805, 2001, 31, 250, 12.4, rank: 1, sn: 13.0, vs: VsEngland.Better, target: 16, status: TargetStatus.Met, distance: 3.6, change: -1.2, ci: (9.0, 17.0)),
            R("A2", 805, 2001, 27, 45, 60.0, rank: 2, sn: 55.5, vs: VsEngland.Similar, target: 50, status: TargetStatus.Met, distance: 10.0, change: 4.0, ci: (45.5, 73.0)),
            R("A3", 805, 2001, 9, 60, 15.0, rank: 3, sn: 16.5, vs: VsEngland.Similar, target: 13.5, status: TargetStatus.NotYetDue, change: -2.0, ci: (8.3, 26.1)),
            R("B7", 805, 2001, 3, 37, 8.1, rank: 5, sn: 71.0, vs: VsEngland.Worse, ci: (2.8, 21.3)),
            R("C23", 805, 2001, 12, 160, 7.5, rank: 1, sn: 5.2, vs: VsEngland.Better, ci: (4.3, 12.7)),
            R("D78", 805, 2001, 40, 90, 44.4, rank: 4, sn: 49.9, vs: VsEngland.Worse, target: 80, status: TargetStatus.NotYetDue, ci: (34.6, 54.7)),
            R("HA", 805, 2001, 150, 200, 75.0, rank: 2, sn: 69.8, vs: VsEngland.Better, ci: (68.6, 80.5)),
            // Hartlepool's earlier A1 years, for the trend chart.
            R("A1", 805, 1997, 40, 240, 16.7, rank: 3), R("A1", 805, 1998, 35, 245, 14.3, rank: 2),
            R("A1", 805, 1999, 33, 250, 13.2, rank: 2), R("A1", 805, 2000, 34, 250, 13.6, rank: 1),
        };
        var others = new (int La, int Step)[] { (806, 1), (807, 2), (808, 3), (841, 4) };
        foreach (var (la, step) in others)
        foreach (var ind in new[] { "A1", "A2", "A3", "B7", "C23", "D78", "HA" })
        {
            // Neighbours' values are kept well away from Hartlepool's so each figure is found where it belongs.
            int den = 200 + 10 * step;
            int num = ind switch { "A1" => 30 + 4 * step, "B7" => 140 + 3 * step, "C23" => 9 + step, _ => 100 + 7 * step };
            results.Add(R(ind, la, 2001, num, den, Math.Round(100.0 * num / den, 1), rank: step + 1, vs: VsEngland.Similar));
        }
        var national = new List<NationalResult>
        {
            N("A1", 2001, 151, 1000, 15.1, 16), N("A1", 2000, 160, 1000, 16.0, null), N("A1", 1999, 170, 1000, 17.0, null),
            N("A1", 1998, 180, 1000, 18.0, null), N("A1", 1997, 190, 1000, 19.0, null),
            N("A2", 2001, 523, 1000, 52.3, 50), N("A3", 2001, 140, 1000, 14.0, null), N("B7", 2001, 652, 1000, 65.2, null),
            N("C23", 2001, 48, 1000, 4.8, null), N("D78", 2001, 511, 1000, 51.1, null), N("HA", 2001, 701, 1000, 70.1, null),
        };
        ResultsStore.ReplaceAll(conn, results, national);

        AddWarnings(conn, 805, 2001,
        [
            new("Episodes.csv", 14, 13, Severity.Warning, "W101", "PL_POST is blank for a placement"),
            new("Episodes.csv", 20, 13, Severity.Warning, "W101", "PL_POST is blank for a placement"),
            new("Episodes.csv", 31, 13, Severity.Warning, "W101", "PL_POST is blank for a placement"),
            new("OC2.csv", 4, 9, Severity.Warning, "W220", "HEALTH_CHECK is blank"),
        ]);
        AddWarnings(conn, 806, 2001, [new("Episodes.csv", 7, 13, Severity.Warning, "W101", "PL_POST is blank for a placement")]);
    }

    /// <summary>
    /// Hartlepool and Middlesbrough in 2000-01, where England's A1 is withheld and England's A2 is not stored. A1: Hartlepool 1 of 40
    /// (hidden, a count of 1 to 5), Middlesbrough 13 of 30; England 14 of 70 rounds to 10, which would leave Hartlepool's count only
    /// 1, so England's A1 is withheld (c). A2: Hartlepool 27 of 45 = 60.0%, Middlesbrough 20 of 40 = 50.0%, and no England row ('–').
    /// </summary>
    public static ReportData WithheldEngland() => new(
        IndicatorCatalogueFile.ReadFolder(Path.Combine(TemplatesFolder, "indicators")),
        AllAuthorities().Where(a => a.Code is Hartlepool or 806).ToDictionary(a => a.Code),
        new Dictionary<int, IReadOnlyList<int>> { [Hartlepool] = [806], [806] = [Hartlepool] },
        [
            R("A1", Hartlepool, 2001, 1, 40, 2.5, rank: 1), R("A1", 806, 2001, 13, 30, 43.3, rank: 2),
            R("A2", Hartlepool, 2001, 27, 45, 60.0, rank: 1), R("A2", 806, 2001, 20, 40, 50.0, rank: 2),
        ],
        [N("A1", 2001, 14, 70, 20.0, null)],
        []);

    /// <summary>Stores warnings against a current submission, as an import does.</summary>
    public static void AddWarnings(SqliteConnection conn, int la, int year, IReadOnlyList<ValidationMessage> messages)
    {
        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO imports(kind, la_code, year, imported_at, outcome) VALUES ('child-level', $la, $y, '2001-05-01T00:00:00Z', 'accepted'); SELECT last_insert_rowid();";
        cmd.Parameters.AddWithValue("$la", la);
        cmd.Parameters.AddWithValue("$y", year);
        long importId = (long)cmd.ExecuteScalar()!;
        cmd.CommandText = "INSERT INTO submissions(la_code, year, import_id) VALUES ($la, $y, $i)";
        cmd.Parameters.AddWithValue("$i", importId);
        cmd.ExecuteNonQuery();
        MessagesStore.Add(conn, tx, importId, la, year, messages);
        tx.Commit();
    }

    public static IndicatorResult R(string ind, int la, int year, int num, int den, double value, int? rank = null, double? sn = null,
        VsEngland vs = VsEngland.NotCompared, double? target = null, TargetStatus status = TargetStatus.NoTarget, double? distance = null,
        double? change = null, (double, double)? ci = null) => new()
    {
        Indicator = ind, LaCode = la, Year = year, Source = ResultSource.ChildLevel, Numerator = num, Denominator = den, Value = value,
        Ci95Lower = ci?.Item1, Ci95Upper = ci?.Item2, Rank = rank, RankOf = rank is null ? null : 5, QuartileBand = rank is null ? null : "B",
        SnAverage = sn, VsEngland = vs, TargetValue = target, TargetStatus = status, TargetDistance = distance, ChangePp = change,
        Trend = year == 2001 ? Trend.NoSignificantChange : Trend.CannotBeCalculated,
    };

    public static NationalResult N(string ind, int year, long num, long den, double value, double? target) => new()
    {
        Indicator = ind, Year = year, Numerator = num, Denominator = den, Value = value, Authorities = 5, TargetValue = target,
        Q1 = value - 3, Median = value, Q3 = value + 3, Trend = Trend.NoSignificantChange,
    };
}
