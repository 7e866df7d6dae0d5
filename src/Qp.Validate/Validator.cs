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

    /// <summary>The rule context.</summary>
    public RuleContext Context => ctx;

    /// <summary>Checks one row and records what the per-child rules need.</summary>
    public void Accept(SourceRow row)
    {
        if (rules.RowRules.TryGetValue(row.Table, out var rowRules))
            foreach (var rule in rowRules) rule.Apply(row, ctx);
        if (row.Child is not { } child || !(row.Table.Core || row.Table == Tables.Uasc)) return;
        if (!children.TryGetValue(child, out var facts)) children[child] = facts = new ChildFacts();
        if (row.Table == Tables.Uasc) facts.IsUasc = true;
        if (row.Table == Tables.Header)
        {
            if (facts.HeaderRows.Count == 0)
            {
                facts.Dob = Codes.Date(row["DOB"]);
                facts.Sex = Code(row["SEX"]);
                facts.Mother = Code(row["MOTHER"]);
                facts.UpnKind = row["UPN"] switch { null => null, "UN1" => "UN1", "UN2" => "UN2", "UN3" => "UN3", "UN4" => "UN4", "UN5" => "UN5", _ => "UPN" };
                facts.McDob = Codes.Date(row["MC_DOB"]);
            }
            facts.AddHeader(row.Row);
        }
        else if (row.Table == Tables.Episodes)
        {
            if (Codes.Date(row["DECOM"]) is { } decom)
                facts.AddEpisode(new EpisodeFact(row.Row, row.At("DECOM"), row.At("RNE"), decom, Codes.Date(row["DEC"]),
                    Code(row["RNE"]), Code(row["LS"]), Code(row["PLACE"]), Code(row["REC"]),
                    HashCode.Combine(row["PLACE"], row["PLACE_PROVIDER"], row["PL_POST"], row["URN"]))
                {
                    Cin = Code(row["CIN"]),
                    ReasonPlaceChange = Code(row["REASON_PLACE_CHANGE"]),
                    PlPostKey = row["PL_POST"]?.GetHashCode() ?? 0,
                    HasHomePost = row["HOME_POST"] is not null,
                    HasPlPost = row["PL_POST"] is not null,
                });
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

/// <summary>Collects messages, counting errors, in the order they were reported.</summary>
public sealed class MessageLog
{
    private readonly List<ValidationMessage> messages = [];

    /// <summary>Adds a message.</summary>
    public void Add(ValidationMessage m) => messages.Add(m);

    /// <summary>Every message, ordered by file, line, column and code.</summary>
    public IReadOnlyList<ValidationMessage> Sorted =>
        messages.OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Column).ThenBy(m => m.Code, StringComparer.Ordinal).ToArray();

    /// <summary>Number of errors.</summary>
    public int Errors => messages.Count(m => m.Severity == Severity.Error);

    /// <summary>Number of warnings.</summary>
    public int Warnings => messages.Count(m => m.Severity == Severity.Warning);
}
