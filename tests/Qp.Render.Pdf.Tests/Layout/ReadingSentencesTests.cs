using Qp.Domain.Results;
using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Pdf.Tests.Layout;

/// <summary>Each branch of an authority's plain-English reading: shown or hidden, every target status, change up, down or none.</summary>
public sealed class ReadingSentencesTests
{
    private static readonly IReadOnlyList<Qp.Domain.Indicators.IndicatorDefinition> Catalogue =
        Qp.Import.Reference.IndicatorCatalogueFile.ReadFolder(Path.Combine(PackStore.TemplatesFolder, "indicators"));

    private static IndicatorResult R(string ind, int year, int num, int den, double value) => PackStore.R(ind, 805, year, num, den, value) with
    {
        Trend = Trend.CannotBeCalculated, VsEngland = VsEngland.Similar, RankOf = null, Rank = null,
    };

    private static string Read(IndicatorResult r, bool publish = false, int year = 2002)
    {
        var data = new ReportData(Catalogue, PackStore.AllAuthorities().ToDictionary(a => a.Code), new Dictionary<int, IReadOnlyList<int>>(), [r], [], [])
            .ForEdition(publish);
        var ctx = new PackContext(new PackSource(data), year, new Figures(publish) { Edition = data.Disclosure }, 805, DateTimeOffset.UtcNow);
        return ctx.Text.Reading(Catalogue.Single(d => d.Id == r.Indicator), r, null, ctx.AreaName, year);
    }

    [Fact]
    public void Met_and_not_met_name_the_target()
    {
        Read(R("A1", 2002, 30, 250, 12.0) with { TargetValue = 16, TargetStatus = TargetStatus.Met })
            .Should().Contain("once chance variation is allowed for, and meeting the target of no more than 16.0%.");
        Read(R("A2", 2002, 20, 50, 40.0) with { TargetValue = 50, TargetStatus = TargetStatus.NotMet, TargetDistance = -10 })
            .Should().Contain("and not meeting the target of at least 50.0% (10.0 points short).");
    }

    [Fact]
    public void A_relative_target_without_a_stored_value_is_named_by_its_label_never_as_no_target()
    {
        var text = Read(R("A3", 2002, 9, 60, 15.0) with { TargetStatus = TargetStatus.Met });
        text.Should().Contain("and meeting the target of 10% lower than the authority's 1997-98 value by 2002.").And.NotContain("no target");
    }

    [Fact]
    public void A_target_not_yet_due_says_from_when()
    {
        Read(R("D78", 2002, 40, 90, 44.4) with { TargetStatus = TargetStatus.NotYetDue })
            .Should().Contain("; the target (at least 80% by 2008) applies from 2007-08.");
    }

    [Fact]
    public void An_indicator_without_a_target_says_so()
    {
        Read(R("B7", 2002, 30, 40, 75.0)).Should().Contain("; there is no national target for this indicator.");
    }

    [Theory]
    [InlineData(0.0, "The figure is unchanged from 2000-01.")]
    [InlineData(1.5, "That is 1.5 points higher than in 2000-01.")]
    [InlineData(-2.0, "That is 2.0 points lower than in 2000-01.")]
    public void Change_reads_unchanged_higher_or_lower(double change, string sentence) =>
        Read(R("B7", 2002, 30, 40, 75.0) with { ChangePp = change }).Should().Contain(sentence);

    [Fact]
    public void Hidden_and_missing_figures_are_said_plainly()
    {
        Read(R("B7", 2002, 3, 40, 7.5), publish: true).Should()
            .StartWith("The figure for Hartlepool in 2001-02 is not published (shown as c) because it rests on a count of fewer than six children");
        Read(R("B7", 2002, 3, 40, 7.5) with { Value = null }).Should().StartWith("No figure is stored for Hartlepool for 2001-02.");
    }
}
