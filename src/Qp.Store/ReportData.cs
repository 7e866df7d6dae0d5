using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Store;

/// <summary>Everything a renderer or exporter reads, loaded from the store in a handful of queries: renderers compute nothing themselves.</summary>
/// <param name="Catalogue">The indicator definitions, in catalogue order.</param>
/// <param name="Authorities">Every authority, by code.</param>
/// <param name="Neighbours">Each authority's statistical neighbour codes, closest first.</param>
/// <param name="Results">Every stored result, ordered by indicator, year and authority.</param>
/// <param name="National">England figures per indicator and year.</param>
/// <param name="Warnings">Warnings of the current returns.</param>
public sealed record ReportData(
    IReadOnlyList<IndicatorDefinition> Catalogue,
    IReadOnlyDictionary<int, Authority> Authorities,
    IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours,
    IReadOnlyList<IndicatorResult> Results,
    IReadOnlyList<NationalResult> National,
    IReadOnlyList<StoredMessage> Warnings)
{
    /// <summary>Loads the report data from the store; authority names past <see cref="MaxNameChars"/> are cut with "…".</summary>
    public static ReportData Load(SqliteConnection conn, IReadOnlyList<IndicatorDefinition> catalogue) => new(
        catalogue,
        AuthorityStore.Authorities(conn).Select(a => a.Name.Length > MaxNameChars ? a with { Name = a.Name[..MaxNameChars] + "…" } : a).ToDictionary(a => a.Code),
        AuthorityStore.Neighbours(conn).GroupBy(n => n.LaCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.OrderBy(n => n.Rank).Select(n => n.NeighbourCode).ToList()),
        ResultsStore.All(conn),
        ResultsStore.National(conn),
        MessagesStore.Current(conn))
    {
        Synthetic = StoreMarks.Get(conn, StoreMarks.Synthetic) is not null,
    };

    /// <summary>The longest authority name shown (the longest real one has under 40 characters; a spreadsheet cell holds 32,767).</summary>
    public const int MaxNameChars = 200;

    /// <summary>The validation rules by code, so published outputs can name a warning's rule, table and field without quoting its message.</summary>
    public IReadOnlyDictionary<string, Qp.Domain.Validation.RuleSummary> Rules { get; init; } = new Dictionary<string, Qp.Domain.Validation.RuleSummary>();

    /// <summary>Whether the figures were made from generated sample returns (qp sample): every output then says SYNTHETIC on every page and sheet.</summary>
    public bool Synthetic { get; init; }

    /// <summary>The disclosure decision these figures were taken from; null until <see cref="ForEdition"/> has made it.</summary>
    public Edition? Disclosure { get; init; }

    /// <summary>
    /// The figures of one edition, decided once: published (disclosure control applied) or not. Its results and England rows are
    /// the edition's (withheld figures removed), and <see cref="Disclosure"/> says what to print as 'c'. Idempotent.
    /// </summary>
    public ReportData ForEdition(bool publish)
    {
        if (Disclosure is not null) return this;
        var edition = Edition.For(new EditionInput(Catalogue, Authorities, Neighbours, Results, National), publish);
        return this with { Results = edition.Results, National = edition.National, Disclosure = edition };
    }

    /// <summary>The collection years that have results, ascending.</summary>
    public IReadOnlyList<int> Years => Results.Select(r => r.Year).Distinct().Order().ToList();

    /// <summary>The results for one indicator and year, ordered by authority.</summary>
    public IReadOnlyList<IndicatorResult> For(string indicator, int year) =>
        Results.Where(r => r.Indicator == indicator && r.Year == year).ToList();

    /// <summary>The England figures for one indicator and year, or null when none are stored.</summary>
    public NationalResult? NationalFor(string indicator, int year) =>
        National.FirstOrDefault(n => n.Indicator == indicator && n.Year == year);

    /// <summary>An authority's name, or its code when it is not in the authorities table.</summary>
    public string NameOf(int laCode) => Authorities.TryGetValue(laCode, out var a) ? a.Name : laCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
