using Qp.Domain.Results;
using Qp.Render.Pdf.Components;
using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Pdf.Tests;

public sealed class FiguresAndReadingTests
{
    private static IndicatorResult Result(int num, int den, double value) => PackStore.R("A1", 805, 2001, num, den, value);

    [Theory]
    // Published: numerators 1–5 and denominators under 10 hide the percentage; 0 and 6 of 10 or more are shown.
    [InlineData(0, 10, 0.0, "0.0%")]
    [InlineData(1, 20, 5.0, "c")]
    [InlineData(5, 20, 25.0, "c")]
    [InlineData(6, 20, 30.0, "30.0%")]
    [InlineData(6, 9, 66.7, "c")]
    [InlineData(7, 10, 70.0, "70.0%")]
    public void Published_values_follow_the_disclosure_rules(int num, int den, double value, string shown)
    {
        new Figures(Publish: true).Value(Result(num, den, value)).Should().Be(shown);
        // A numerator goes with its percentage: 6 of 9 would give 66.7% away.
        new Figures(Publish: true).Numerator(Result(num, den, value)).Should().Be(shown == "c" ? "c" : $"{num}");
        // The unpublished edition always shows the stored value.
        new Figures(Publish: false).Value(Result(num, den, value)).Should().Be($"{value:0.0}%");
    }

    [Fact]
    public void Counts_and_national_counts_are_suppressed_or_rounded_only_when_published()
    {
        new Figures(true).AuthorityCount(3).Should().Be("c");
        new Figures(true).AuthorityCount(6).Should().Be("6");
        new Figures(false).AuthorityCount(3).Should().Be("3");
        new Figures(true).NationalCount(12_345).Should().Be("12,350");
        new Figures(false).NationalCount(12_345).Should().Be("12,345");
    }

    [Fact]
    public void Reading_says_when_a_target_is_missed_and_by_how_much()
    {
        using var tmp = new TempFolder();
        var db = Path.Combine(tmp.Path, "qp.db");
        PackStore.BuildSmall(db);
        using var conn = QpDatabase.Open(db);
        var data = PackStore.Load(conn);
        var ctx = new PackContext(new PackSource(data), 2001, new Figures(false), 805, DateTimeOffset.UtcNow);
        var a1 = data.Catalogue.Single(d => d.Id == "A1");
        // 18.4% stored against a maximum of 16%: 2.4 points short, and worse than England's 15.1%.
        var missed = Result(46, 250, 18.4) with { VsEngland = VsEngland.Worse, TargetValue = 16, TargetStatus = TargetStatus.NotMet, TargetDistance = -2.4 };

        var text = ctx.Text.Reading(a1, missed, data.NationalFor("A1", 2001), ctx.AreaName, 2001);

        text.Should().StartWith("18.4% of children looked after at 31 March had three or more placements in the year — worse than England (15.1%), " +
                                "and not meeting the target of no more than 16.0% (2.4 points short).");
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("qp-pdf-r-").FullName;
        public void Dispose() => Directory.Delete(Path, true);
    }

    [Fact]
    public void Change_is_withheld_in_a_published_pack_when_last_years_percentage_was_hidden()
    {
        // 2000: 3 of 40 (hidden when published); 2001: 10 of 40 = 25.0%. The change, +17.5 points, would give 2000's 7.5% away.
        var catalogue = Qp.Import.Reference.IndicatorCatalogueFile.ReadFolder(Path.Combine(PackStore.TemplatesFolder, "indicators"));
        var data = new ReportData(catalogue, PackStore.AllAuthorities().ToDictionary(a => a.Code), new Dictionary<int, IReadOnlyList<int>>(),
            [Result(3, 40, 7.5) with { Year = 2000 }, Result(10, 40, 25.0) with { ChangePp = 17.5 }], [], []);
        var a1 = catalogue.Single(d => d.Id == "A1");
        var current = data.Results.Single(r => r.Year == 2001);

        var edition = data.ForEdition(true);
        var published = new PackContext(new PackSource(edition), 2001, new Figures(true) { Edition = edition.Disclosure }, 805, DateTimeOffset.UtcNow);
        published.HidesChange(current).Should().BeTrue();
        published.Text.Reading(a1, current, null, published.AreaName, 2001).Should().Contain("25.0%").And.NotContain("17.5");

        var unpublished = new PackContext(new PackSource(data), 2001, new Figures(false), 805, DateTimeOffset.UtcNow);
        unpublished.HidesChange(current).Should().BeFalse();
        unpublished.Text.Reading(a1, current, null, unpublished.AreaName, 2001).Should().Contain("17.5 points higher");
    }
}

/// <summary>England's figure as a pack prints it: a withheld total is "c", never "–" (withheld is not none).</summary>
public sealed class EnglandFigureTests
{
    [Fact]
    public void A_withheld_England_figure_prints_as_c_and_a_shown_one_as_its_percentage()
    {
        // 1 of 40 is hidden (a count of 1 to 5); beside 13 of 30 shown, England's 14 rounds to 10, which would leave it only 1: England is withheld.
        var a1 = new Qp.Domain.Indicators.IndicatorDefinition("A1", "Test", "", "", "", Qp.Domain.Indicators.Polarity.LowerIsBetter, "%", [], [], [], []);
        var authorities = new[] { new Qp.Domain.Authorities.Authority(1, "E1", "One", "X", "Unitary"), new Qp.Domain.Authorities.Authority(2, "E2", "Two", "X", "Unitary") }.ToDictionary(a => a.Code);
        Qp.Domain.Results.IndicatorResult R(int la, int num, int den) => new()
        {
            Indicator = "A1", Year = 2002, LaCode = la, Source = Qp.Domain.Results.ResultSource.Aggregate, Numerator = num, Denominator = den, Value = 100.0 * num / den,
        };
        var england = new Qp.Domain.Results.NationalResult { Indicator = "A1", Year = 2002, Numerator = 14, Denominator = 70, Value = 20.0 };
        var edition = Qp.Domain.Disclosure.Edition.For(new Qp.Domain.Disclosure.EditionInput([a1], authorities, new Dictionary<int, IReadOnlyList<int>>(), [R(1, 1, 40), R(2, 13, 30)], [england]), true);
        var figures = new Figures(true) { Edition = edition };
        figures.England("A1", 2002, 20.0).Should().Be("c");
        new Figures(false).England("A1", 2002, 20.0).Should().Be("20.0%");
    }
}
