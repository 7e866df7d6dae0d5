using System.Text.RegularExpressions;
using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Render.Pdf.Tests;

/// <summary>The definitions a councillor reads: each indicator in plain English, short, and without the return's codes.</summary>
public sealed partial class PlainDefinitionsTests
{
    private static readonly IReadOnlyList<Qp.Domain.Indicators.IndicatorDefinition> Catalogue =
        Qp.Import.Reference.IndicatorCatalogueFile.ReadFolder(Path.Combine(PackStore.TemplatesFolder, "indicators"));

    // A code: two or more capitals (LS, RNE, PLACE, PAF, GCSE), or capitals with digits (E11, T0, V3, A1).
    [GeneratedRegex(@"\b[A-Z][A-Z0-9_]+\b")]
    private static partial Regex Code();

    [Fact]
    public void Every_indicator_has_a_plain_definition_of_at_most_80_words_without_codes()
    {
        Catalogue.Should().HaveCount(7);
        foreach (var d in Catalogue)
        {
            d.Plain.Should().NotBeNull(d.Id);
            var text = d.Plain!.Text;
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeLessThanOrEqualTo(80, d.Id);
            Code().Matches(text).Select(m => m.Value).Should().BeEmpty(d.Id);
            d.Plain.Better.Should().StartWith(d.Polarity == Qp.Domain.Indicators.Polarity.LowerIsBetter ? "Lower is better" : "Higher is better", d.Id);
        }
    }

    [Fact]
    public void The_code_check_finds_the_codes_of_the_technical_definitions()
    {
        // The technical numerators are full of codes, which is why they go to the appendix.
        Code().Matches(Catalogue.Single(d => d.Id == "A1").Numerator).Select(m => m.Value).Should().Contain(["PLACE", "URN", "PL_POST", "RNE"]);
    }
}
