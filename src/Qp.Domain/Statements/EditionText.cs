using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Domain.Statements;

/// <summary>A target's status as an edition shows it: what the stored status becomes once disclosure control has been applied.</summary>
public enum ShownStatus
{
    /// <summary>The target in force was met.</summary>
    Met,

    /// <summary>The target in force was not met.</summary>
    NotMet,

    /// <summary>A target exists but applies from a later year.</summary>
    NotYetDue,

    /// <summary>The indicator has no target (or none that can be set for this authority).</summary>
    NoTarget,

    /// <summary>A target is due, but its status is withheld with the figure or its baseline (printed 'c').</summary>
    Withheld,

    /// <summary>A target is due, but the authority has no figure to judge (for instance 0 of 0 children).</summary>
    NoFigure,
}

/// <summary>Where an authority's shown figure stands among every shown figure of the indicator and year.</summary>
/// <param name="Rank">1 = best; tied authorities share the best rank of the tie.</param>
/// <param name="Of">How many authorities have a figure shown.</param>
/// <param name="Tied">How many authorities share this rank, itself included (1 = no tie).</param>
public readonly record struct Standing(int Rank, int Of, int Tied);

/// <summary>A comparator average as an edition may present it.</summary>
/// <param name="Value">The average; null when fewer than two figures are shown, since the average of one is that authority's own figure.</param>
/// <param name="Used">How many neighbours' figures were averaged.</param>
/// <param name="Of">How many neighbours have a figure (shown or withheld).</param>
public readonly record struct NeighbourAverage(double? Value, int Used, int Of);

/// <summary>
/// Every generated statement of an edition — target status (withheld included), rank and band with their ties, comparison with
/// England, trend, neighbour averages with how many figures they rest on, England's figure and its basis, and the synthetic-data
/// mark — composed from the edition's figures only, for every renderer (PDF, Excel, HTML) to print the same words.
/// </summary>
public sealed class EditionText
{
    private readonly Dictionary<(string, int, int), int> _tied;
    private readonly Dictionary<string, IndicatorDefinition> _defs;

    /// <summary>The text of <paramref name="edition"/>, whose figures are described by <paramref name="catalogue"/>.</summary>
    /// <param name="edition">The edition's one disclosure decision and its figures.</param>
    /// <param name="catalogue">The indicator definitions.</param>
    /// <param name="synthetic">Whether the figures were made from generated sample returns.</param>
    public EditionText(Edition edition, IReadOnlyList<IndicatorDefinition> catalogue, bool synthetic)
    {
        Edition = edition;
        Synthetic = synthetic;
        _defs = catalogue.ToDictionary(d => d.Id);
        _tied = edition.Results.Where(r => r.Rank is not null).GroupBy(r => (r.Indicator, r.Year, r.Rank!.Value)).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The word every page and sheet made from sample data carries, and the claims checker looks for.</summary>
    public const string SyntheticMark = "SYNTHETIC";

    /// <summary>The edition's disclosure decision.</summary>
    public Edition Edition { get; }

    /// <summary>Whether the figures were made from generated sample returns (qp sample), not real authorities' returns.</summary>
    public bool Synthetic { get; }

    /// <summary>The notice every page and sheet of a synthetic edition carries; null for real data.</summary>
    public string? SyntheticNotice => Synthetic
        ? "SYNTHETIC DATA: made by qp sample for testing and demonstration. These are not any authority's real figures."
        : null;

    /// <summary>What the England figures of this edition are computed from, as a clause: "from all authorities' counts, each rounded to the nearest 10".</summary>
    public string EnglandBasis => Edition.Published
        ? "from the sum of all authorities' counts, each total rounded to the nearest 10"
        : "from the exact sum of all authorities' counts";

    /// <summary>The England figure's label where a figure stands alone (a tile, a table row): "England (rounded counts)".</summary>
    public string EnglandLabel => Edition.Published ? "England (rounded counts)" : "England (exact counts)";

    /// <summary>What to say when an indicator has no England figure to show: withheld by disclosure control is not "none".</summary>
    public string NoEnglandFigure(string indicator, int year, string yearDisplay) => Edition.HidesEngland(indicator, year)
        ? $"England's figure for {yearDisplay} is withheld ({DisclosureControl.Suppressed}) so that no hidden figure can be worked out from it."
        : $"No England figure is stored for {yearDisplay}.";

    /// <summary>The sentence that says which England figure every page uses.</summary>
    public string EnglandNote => $"England: the percentage {EnglandBasis}; every England figure in this edition is that one.";

    /// <summary>The definition of <paramref name="indicator"/>, or null when it is not in the catalogue.</summary>
    public IndicatorDefinition? Definition(string indicator) => _defs.GetValueOrDefault(indicator);

    /// <summary>Whether a target of <paramref name="d"/> is in force in <paramref name="year"/>.</summary>
    public static bool TargetDue(IndicatorDefinition d, int year) => d.Targets.Any(t => t.FromYear <= year);

    /// <summary>The target status <paramref name="r"/> shows: withheld (not "no target") when a due target's status is hidden.</summary>
    public ShownStatus Status(IndicatorDefinition d, IndicatorResult? r, int year)
    {
        bool due = TargetDue(d, year);
        if (r is null) return due ? ShownStatus.NoFigure : d.Targets.Count > 0 ? ShownStatus.NotYetDue : ShownStatus.NoTarget;
        if (Edition.Hides(r, Withheld.Percent | Withheld.Target))
            return due ? ShownStatus.Withheld : d.Targets.Count > 0 ? ShownStatus.NotYetDue : ShownStatus.NoTarget;
        return r.TargetStatus switch
        {
            TargetStatus.Met => ShownStatus.Met,
            TargetStatus.NotMet => ShownStatus.NotMet,
            TargetStatus.NotYetDue => ShownStatus.NotYetDue,
            _ => due && r.Value is null ? ShownStatus.NoFigure : ShownStatus.NoTarget,
        };
    }

    /// <summary>A shown status in words, as table cells print it ('c' for withheld).</summary>
    public static string StatusLabel(ShownStatus s) => s switch
    {
        ShownStatus.Withheld => DisclosureControl.Suppressed,
        ShownStatus.NoFigure => "No figure",
        _ => Words.Of(Mark(s) ?? TargetStatus.NoTarget),
    };

    /// <summary>The stored status whose mark (colour and shape) a shown status is drawn with; null for withheld and no figure, which have none.</summary>
    public static TargetStatus? Mark(ShownStatus s) => s switch
    {
        ShownStatus.Met => TargetStatus.Met,
        ShownStatus.NotMet => TargetStatus.NotMet,
        ShownStatus.NotYetDue => TargetStatus.NotYetDue,
        ShownStatus.NoTarget => TargetStatus.NoTarget,
        _ => null,
    };

    /// <summary>The summary's first tile for one authority: how many due targets were met, how many are withheld, or that none is due.</summary>
    public (string Figure, string Label) TargetsHeadline(IEnumerable<(IndicatorDefinition Def, IndicatorResult? Result)> results, int year)
    {
        var shown = results.Select(x => Status(x.Def, x.Result, year)).ToList();
        int met = shown.Count(s => s == ShownStatus.Met), due = met + shown.Count(s => s == ShownStatus.NotMet);
        int withheld = shown.Count(s => s == ShownStatus.Withheld);
        if (due > 0)
            return ($"{met} of {due}", (due == 1 ? "target due this year met" : "targets due this year met") + (withheld > 0 ? $"; {withheld} more withheld (c)" : ""));
        if (withheld > 0)
            return ("c", withheld == 1 ? "The one target due this year is withheld" : $"All {withheld} targets due this year are withheld");
        return ("None", "No targets are due this year");
    }

    /// <summary>Where <paramref name="r"/> stands among the shown figures, or null when it has no shown rank.</summary>
    public Standing? StandingOf(IndicatorResult? r) =>
        r is { Rank: { } rank, RankOf: { } of } && !Edition.Hides(r, Withheld.Percent)
            ? new Standing(rank, of, _tied.GetValueOrDefault((r.Indicator, r.Year, rank), 1)) : null;

    /// <summary>The rank as a table cell: "12 of 150", "1= of 40" when tied, 'c' when withheld, "–" when there is none.</summary>
    public string RankCell(IndicatorResult? r) =>
        r is not null && Edition.Hides(r, Withheld.Percent) ? DisclosureControl.Suppressed
        : StandingOf(r) is { } s ? $"{s.Rank}{(s.Tied > 1 ? "=" : "")} of {s.Of}" : Words.Missing;

    /// <summary>The rank and quartile band as a sentence, naming the tie they rest on: "It ranks joint 1st of 40 authorities: 34 share this figure …".</summary>
    public string? RankSentence(IndicatorResult r)
    {
        if (StandingOf(r) is not { } s) return null;
        var band = r.QuartileBand is { } q ? $"quartile band {q}, where A is the best quarter" : null;
        if (s.Tied == 1)
            return $"It ranks {Words.Ordinal(s.Rank)} of {s.Of} authorities{(band is null ? "" : $" ({band})")}.";
        return $"It ranks joint {Words.Ordinal(s.Rank)} of {s.Of} authorities: {s.Tied} authorities share this figure, so the rank" +
               $"{(band is null ? "" : " and the band")} rest on a tie{(band is null ? "" : $" ({band})")}.";
    }

    /// <summary>The neighbour average of <paramref name="r"/> with how many figures it rests on.</summary>
    public NeighbourAverage Neighbours(IndicatorResult? r)
    {
        if (r is null) return new NeighbourAverage(null, 0, 0);
        var b = Edition.AverageBases(r).Neighbours;
        return new NeighbourAverage(b.Used >= 2 ? r.SnAverage : null, b.Used, b.Of);
    }

    /// <summary>The neighbour average's label, naming how many figures it averages: "Average of 7 neighbours", "Only 1 neighbour shown".</summary>
    public string NeighbourLabel(IndicatorResult? r) => Neighbours(r) switch
    {
        { Used: >= 2 } n => $"Average of {n.Used} neighbours",
        { Used: 1 } => "Only 1 neighbour shown",
        _ => "No neighbour shown",
    };

    /// <summary>The neighbour average as a sentence; an average of one figure is not presented as the group's.</summary>
    public string NeighbourSentence(IndicatorResult r)
    {
        var n = Neighbours(r);
        string withheld = n.Of > n.Used ? $" ({Words.Count(n.Of - n.Used, "other is", "others are")} withheld)" : "";
        return n.Used switch
        {
            >= 2 => $"The average of the {n.Used} statistical neighbours with a figure shown was {Words.Percent(n.Value)}{withheld}.",
            1 => $"Only one statistical neighbour has a figure shown{withheld}, so no neighbour average is given.",
            _ => $"No statistical neighbour has a figure shown{withheld}, so no neighbour average is given.",
        };
    }

    /// <summary>The comparison with England as a clause: "better than England (46.9%)".</summary>
    public static string Versus(VsEngland v, double? england) => v switch
    {
        VsEngland.Better => $"better than England ({Words.Percent(england)})",
        VsEngland.Worse => $"worse than England ({Words.Percent(england)})",
        VsEngland.Similar => $"similar to England ({Words.Percent(england)}) once chance variation is allowed for",
        _ => "no comparison with England is possible",
    };

    /// <summary>The five-year trend as a sentence; withheld when one of its years is hidden.</summary>
    public string TrendSentence(IndicatorResult r) => Edition.Hides(r, Withheld.Trend)
        ? "The five-year trend is not published, because one of its years rests on a count too small to publish."
        : r.Trend switch
        {
            Trend.Increasing => "Over the last five years the figure has risen significantly.",
            Trend.Decreasing => "Over the last five years the figure has fallen significantly.",
            Trend.NoSignificantChange => "Over the last five years there has been no statistically significant change.",
            _ => "There are fewer than five consecutive years of figures, so no trend can be tested.",
        };

    /// <summary>
    /// The plain-English reading of one authority's result for an indicator: its figure with the comparison and target, the
    /// neighbour average, the rank and band, the change and the trend — or why there is no figure.
    /// </summary>
    public string Reading(IndicatorDefinition d, IndicatorResult? r, NationalResult? england, string area, int year)
    {
        var englandText = Edition.HidesEngland(d.Id, year) ? $"England's figure is withheld ({DisclosureControl.Suppressed})." : $"England's figure was {Words.Percent(england?.Value)}.";
        var shownYear = CollectionYear.Display(year);
        if (r is not null && Edition.Hides(r, Withheld.Percent))
            return $"The figure for {area} in {shownYear} is not published (shown as c) because it rests on a count of fewer than six " +
                   $"children or on a group of fewer than ten{(TargetDue(d, year) ? "; its target status is withheld with it" : "")}. {englandText}";
        if (r?.Value is null)
            return $"No figure is stored for {area} for {shownYear}{(TargetDue(d, year) ? ", so the target cannot be judged" : "")}. {englandText}";

        var parts = new List<string>
        {
            $"{Words.Percent(r.Value)} {Words.Phrase(d)} — {Versus(r.VsEngland, england?.Value)}{TargetClause(d, r, year)}.",
            NeighbourSentence(r),
        };
        if (RankSentence(r) is { } rank) parts.Add(rank);
        if (r.ChangePp is { } change && !Edition.Hides(r, Withheld.Change))
            parts.Add(change == 0
                ? $"The figure is unchanged from {CollectionYear.Display(year - 1)}."
                : $"That is {Math.Abs(change).ToString("0.0", Words.Inv)} points {(change > 0 ? "higher" : "lower")} than in {CollectionYear.Display(year - 1)}.");
        parts.Add(TrendSentence(r));
        return string.Join(" ", parts);
    }

    private string TargetClause(IndicatorDefinition d, IndicatorResult r, int year)
    {
        // A relative target (A3) has no single national value: name the authority's own.
        var target = r.TargetValue is null && d.Targets.Where(t => t.FromYear <= year).MaxBy(t => t.FromYear) is { } own
            ? Words.LowerFirst(own.Label) : Words.TargetPhrase(d, r.TargetValue);
        return Status(d, r, year) switch
        {
            ShownStatus.Met => $", and meeting the target of {target}",
            ShownStatus.NotMet => $", and not meeting the target of {target}" +
                                  (r.TargetDistance is { } dist ? $" ({Math.Abs(dist).ToString("0.0", Words.Inv)} points short)" : ""),
            ShownStatus.NotYetDue => d.Targets.Where(t => t.FromYear > year).MinBy(t => t.FromYear) is { } next
                ? $"; the target ({Words.LowerFirst(next.Label)}) applies from {CollectionYear.Display(next.FromYear)}"
                : "; the target is not yet due",
            ShownStatus.Withheld => "; its target status is withheld (c)",
            _ => d.Targets.Count == 0 ? "; there is no national target for this indicator" : "",
        };
    }

    /// <summary>
    /// How many authorities met a target due this year, in words ("91 of the 152 authorities with a target due met it …", with how
    /// many are withheld); or, with none due, when the target applies.
    /// </summary>
    public string NationalTarget(IndicatorDefinition d, int year, IEnumerable<IndicatorResult> all, double? nationalTarget)
    {
        var statuses = all.Select(r => Status(d, r, year)).ToList();
        int met = statuses.Count(s => s == ShownStatus.Met), due = met + statuses.Count(s => s == ShownStatus.NotMet);
        int withheld = statuses.Count(s => s == ShownStatus.Withheld);
        var hidden = withheld > 0 ? $" {Words.Count(withheld, "other authority's status is", "other authorities' statuses are")} withheld." : "";
        if (due > 0)
        {
            var who = due == 1
                ? (met == 1 ? "The one authority with a target due and shown met it" : "The one authority with a target due and shown did not meet it")
                : met == due ? $"All {due:#,0} authorities with a target due and shown met it"
                : met == 0 ? $"None of the {due:#,0} authorities with a target due and shown met it"
                : $"{met:#,0} of the {due:#,0} authorities with a target due and shown met it";
            var target = nationalTarget is not null ? $"the target: {Words.TargetPhrase(d, nationalTarget)}"
                : d.Targets.Where(t => t.FromYear <= year).MaxBy(t => t.FromYear) is { } own ? $"each authority's own target: {own.Label}"
                : "each authority's own target";
            return $"{who} ({target}).{hidden}";
        }
        if (withheld > 0) return $"Every authority's status against the target due this year is withheld or missing.{hidden}";
        if (d.Targets.Count == 0) return "There is no national target for this indicator.";
        if (d.Targets.Where(t => t.FromYear > year).MinBy(t => t.FromYear) is { } next)
            return $"No target is due yet: the target ({Words.LowerFirst(next.Label)}) applies from {CollectionYear.Display(next.FromYear)}.";
        return "No authority has a target due this year.";
    }

    /// <summary>"98 of 150" authorities meeting the target due, among those shown; "–" when none is due and shown.</summary>
    public string MetCell(IndicatorDefinition d, int year, IEnumerable<IndicatorResult> all)
    {
        var statuses = all.Select(r => Status(d, r, year)).ToList();
        int met = statuses.Count(s => s == ShownStatus.Met), due = met + statuses.Count(s => s == ShownStatus.NotMet);
        return due == 0 ? Words.Missing : $"{met} of {due}";
    }
}
