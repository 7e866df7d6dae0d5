using Qp.Domain.Validation;

namespace Qp.Validate;

/// <summary>
/// Checks a submission streamed row by row: row rules run as each row arrives, and only compact per-child facts are kept
/// (dates, codes and a placement hash per episode) for the per-child rules that <see cref="Finish"/> runs.
/// </summary>
public sealed class Validator(RuleContext ctx)
{
    private readonly Dictionary<string, ChildFacts> children = new(StringComparer.Ordinal);
    private readonly RuleSet rules = RuleRegistry.InForce(ctx.Year);

    // The DfE's cross-table rules (2022-23 on) read the rows of the other DfE tables; earlier years keep none.
    private readonly bool keepDfeRows = ctx.Year >= Rules.Dfe.DfeTables.FirstYear;
    private TableSchema? lastTable;

    /// <summary>The rule context.</summary>
    public RuleContext Context => ctx;

    /// <summary>Checks one row and records what the per-child rules need.</summary>
    public void Accept(SourceRow row)
    {
        if (rules.RowRules.TryGetValue(row.Table, out var rowRules))
            foreach (var rule in rowRules) rule.Apply(row, ctx);
        if (keepDfeRows && row.Table != lastTable) ctx.Saw(lastTable = row.Table);
        bool dfeRow = keepDfeRows && Rules.Dfe.DfeTables.Kept.Contains(row.Table);
        if (row.Child is not { } child || !(row.Table.Core || dfeRow || row.Table == Tables.Uasc || row.Table == Tables.Oc3)) return;
        if (!children.TryGetValue(child, out var facts)) children[child] = facts = new ChildFacts { Id = child };
        if (dfeRow) facts.AddDfeRow(row);
        if (row.Table == Tables.Uasc) facts.IsUasc = true;
        if (row.Table == Tables.Oc3) facts.IsCareLeaver = true;
        if (row.Table == Tables.Header)
        {
            if (facts.HeaderRows.Count == 0)
            {
                facts.Dob = Codes.Date(row["DOB"]);
                facts.DobAt = row.At("DOB");
                facts.Sex = Code(row["SEX"]);
                facts.Mother = Code(row["MOTHER"]);
                facts.UpnKind = row["UPN"] switch { null => null, "UN1" => "UN1", "UN2" => "UN2", "UN3" => "UN3", "UN4" => "UN4", "UN5" => "UN5", _ => "UPN" };
                facts.McDob = Codes.Date(row["MC_DOB"]);
                facts.UascFlag = Code(row["UASC"]);
                facts.UascFlagAt = row.At("UASC");
                facts.GivesUascFlag = Rules.Dfe.UascRules.IsXml(row) || facts.UascFlagAt.Column > 0;
            }
            facts.AddHeader(row.Row);
        }
        else if (row.Table == Tables.Episodes)
        {
            if (Codes.Date(row["DECOM"]) is { } decom)
            {
                // The DfE derives PL_LA and PL_DISTANCE from the postcodes; only its rules (2022-23 on) read them, so earlier returns never
                // load the directory. Each postcode is looked up once.
                var placed = !keepDfeRows || ctx.Postcodes.IsEmpty || row["PL_POST"] is not { } pl ? null : ctx.Postcodes.Find(pl);
                var distance = placed is null || row["HOME_POST"] is not { } home ? null : PostcodeDirectory.Miles(ctx.Postcodes.Find(home), placed);
                facts.AddEpisode(new EpisodeFact(row.Row, row.At("DECOM"), row.At("RNE"), decom, Codes.Date(row["DEC"]),
                    Code(row["RNE"]), Code(row["LS"]), Code(row["PLACE"]), Code(row["REC"]),
                    HashCode.Combine(row["PLACE"], row["PLACE_PROVIDER"], row["PL_POST"], row["URN"]), Code(row["CIN"]), Code(row["PLACE_PROVIDER"]))
                {
                    ReasonPlaceChange = Code(row["REASON_PLACE_CHANGE"]),
                    PlPostKey = row["PL_POST"]?.GetHashCode() ?? 0,
                    HasHomePost = row["HOME_POST"] is not null,
                    HasPlPost = row["PL_POST"] is not null,
                    Urn = Code(row["URN"]),
                    PlLa = placed?.Authority,
                    PlDistance = distance,
                    PlPostAt = row.At("PL_POST"),
                });
            }
            else facts.HasInvalidEpisodes = true;
        }
        else if (row.Table == Tables.Oc1) facts.AddOc1(row.Row);
        else if (row.Table == Tables.Oc2) facts.AddOc2(row.Row);
        else if (row.Table == Tables.Cpr) facts.AddCpr((Codes.Date(row["REG_DATE"]), row.Row));
    }

    /// <summary>Runs the per-child rules once every row has been accepted.</summary>
    public void Finish()
    {
        foreach (var facts in children.Values)
            foreach (var rule in rules.ChildRules) rule.Apply(facts, ctx);
        children.Clear();
    }

    // Codes come from a small set: keep one instance of each rather than one string per row.
    private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);

    private string? Code(string? v)
    {
        if (v is null) return null;
        if (codes.TryGetValue(v, out var c)) return c;
        if (codes.Count < 1000) codes[v] = v;
        return v;
    }
}

/// <summary>
/// Collects messages, counting errors. Memory stays bounded whatever the input: each file keeps at most <see cref="PerRule"/> messages
/// of one rule and <see cref="PerFile"/> in all; the rest are counted, and one line per file and rule says how many more there were.
/// </summary>
public sealed class MessageLog
{
    /// <summary>The most messages of one rule kept for one file.</summary>
    public const int PerRule = 100;

    /// <summary>The most messages kept for one file.</summary>
    public const int PerFile = 1000;

    private readonly bool capped;

    /// <summary>A log that keeps at most <see cref="PerRule"/> and <see cref="PerFile"/> messages per file, or every message when <paramref name="capped"/> is false.</summary>
    public MessageLog(bool capped = true) => this.capped = capped;

    private readonly List<ValidationMessage> messages = [];
    private readonly Dictionary<(string File, string Code), int> byRule = [];
    private readonly Dictionary<string, int> byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Code), (Severity Severity, int Count, bool Own)> more = [];

    /// <summary>Adds a message (or only counts it, past the caps).</summary>
    public void Add(ValidationMessage m)
    {
        if (m.Severity == Severity.Error) Errors++;
        else Warnings++;
        var key = (m.File, m.Code);
        int rule = byRule[key] = byRule.GetValueOrDefault(key) + 1;
        int file = byFile.GetValueOrDefault(m.File);
        if (!capped || (rule <= PerRule && file < PerFile))
        {
            byFile[m.File] = file + 1;
            messages.Add(m);
            return;
        }
        more[key] = (m.Severity, more.GetValueOrDefault(key).Count + 1, m.Own);
    }

    /// <summary>Every message kept, ordered by file, line, column and code; each file's "… and N more" lines follow its messages.</summary>
    public IReadOnlyList<ValidationMessage> Sorted =>
        messages.Select(m => (m, Summary: false))
            .Concat(more.Select(x => (m: new ValidationMessage(x.Key.File, 0, 0, x.Value.Severity, x.Key.Code,
                $"… and {x.Value.Count:N0} more {x.Key.Code} message(s) in this file, not shown (at most {PerRule} of a rule and {PerFile} in all are shown per file)") { Own = x.Value.Own }, Summary: true)))
            .OrderBy(x => x.m.File, StringComparer.Ordinal).ThenBy(x => x.Summary).ThenBy(x => x.m.Line).ThenBy(x => x.m.Column).ThenBy(x => x.m.Code, StringComparer.Ordinal)
            .Select(x => x.m).ToArray();

    /// <summary>Number of errors reported, shown or not.</summary>
    public int Errors { get; private set; }

    /// <summary>Number of warnings reported, shown or not.</summary>
    public int Warnings { get; private set; }
}
