using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Store;

namespace Qp.Render.Pdf;

/// <summary>The stored report data indexed for page drawing: look-ups only, no arithmetic on the figures.</summary>
internal sealed class PackSource
{
    private readonly Dictionary<(string, int, int), IndicatorResult> byKey;
    private readonly Dictionary<(string, int), IReadOnlyList<IndicatorResult>> byIndicatorYear;
    private readonly Dictionary<(string, int), NationalResult> national;

    public PackSource(ReportData data)
    {
        Data = data;
        byKey = data.Results.ToDictionary(r => (r.Indicator, r.Year, r.LaCode));
        byIndicatorYear = data.Results.GroupBy(r => (r.Indicator, r.Year)).ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorResult>)g.ToList());
        national = data.National.ToDictionary(n => (n.Indicator, n.Year));
        // Data not yet decided for an edition (tests) is read as the unpublished edition, which shows every figure as stored.
        var edition = data.Disclosure ?? data.ForEdition(false).Disclosure!;
        Text = new EditionText(edition, data.Catalogue, data.Synthetic);
    }

    /// <summary>The edition's generated statements, shared by every pack of the run.</summary>
    public EditionText Text { get; }

    public ReportData Data { get; }

    public IReadOnlyList<IndicatorDefinition> Catalogue => Data.Catalogue;

    public IndicatorResult? Result(string indicator, int year, int la) => byKey.GetValueOrDefault((indicator, year, la));

    public IReadOnlyList<IndicatorResult> All(string indicator, int year) => byIndicatorYear.GetValueOrDefault((indicator, year)) ?? [];

    public NationalResult? National(string indicator, int year) => national.GetValueOrDefault((indicator, year));

    public IReadOnlyList<int> NeighboursOf(int la) => Data.Neighbours.GetValueOrDefault(la) ?? [];

    public string NameOf(int la) => Data.NameOf(la);

    public Authority? Authority(int la) => Data.Authorities.GetValueOrDefault(la);

    /// <summary>The warnings of one authority's returns up to <paramref name="year"/>, or of every authority when null.</summary>
    public IEnumerable<StoredMessage> Warnings(int? la, int year) =>
        Data.Warnings.Where(w => (la is null || w.LaCode == la) && w.Year <= year && w.Year > year - 5);
}

/// <summary>What every page of one pack shares: the data, the year, the edition's figure formatting, and the pack's authority (none for the national pack).</summary>
internal sealed record PackContext(PackSource Source, int Year, Figures Figures, int? LaCode, DateTimeOffset Produced)
{
    public string YearDisplay => Domain.CollectionYear.Display(Year);

    public string AreaName => LaCode is { } la ? Source.NameOf(la) : "England";

    /// <summary>The edition's generated statements.</summary>
    public EditionText Text => Source.Text;

    /// <summary>Whether the change from last year must be withheld: either year's percentage is hidden, and the change with one value gives the other.</summary>
    public bool HidesChange(IndicatorResult r) => Figures.Edition is { } e ? e.Hides(r, Qp.Domain.Disclosure.Withheld.Change) :
        Figures.IsSuppressed(r) || (Source.Result(r.Indicator, r.Year - 1, r.LaCode) is { } previous && Figures.IsSuppressed(previous));

    /// <summary>The five collection years ending with the pack's year, oldest first.</summary>
    public IReadOnlyList<int> TrendYears => Enumerable.Range(Year - 4, 5).ToList();
}
