using Qp.Domain.Indicators;
using Qp.Render.Pdf.Components;

namespace Qp.Render.Pdf.Tests.Layout;

/// <summary>Every branch of the generated sentences that turn on a count or on the target, read as plain English.</summary>
public sealed class SentencesTests
{
    private static IndicatorDefinition Indicator(params Target[] targets) => new(
        "X1", "Test indicator", "Desc.", "Num.", "Den.", Polarity.LowerIsBetter, "%", [], targets, [], []);

    private static readonly Target Max16 = new(TargetKind.Maximum, 16, 2001, null, "No more than 16% in any authority by 2001");
    private static readonly Target Relative = new(TargetKind.RelativeReduction, 10, 2002, 1998, "10% lower than the authority's 1997-98 value by 2002");
    private static readonly Target Min80 = new(TargetKind.Minimum, 80, 2008, null, "At least 80% by 2008");

    [Theory]
    [InlineData(2, 3, 0, "2 of 3", "targets due this year met")]
    [InlineData(1, 1, 0, "1 of 1", "target due this year met")]
    [InlineData(0, 1, 0, "0 of 1", "target due this year met")]
    [InlineData(1, 2, 1, "1 of 2", "targets due this year met (1 withheld)")]
    [InlineData(0, 0, 0, "None", "No targets are due this year")]
    [InlineData(0, 0, 1, "c", "The one target due this year is withheld")]
    [InlineData(0, 0, 2, "c", "All 2 targets due this year are withheld")]
    public void The_targets_tile_reads_as_english(int met, int due, int withheld, string figure, string label) =>
        Sentences.TargetsHeadline(met, due, withheld).Should().Be((figure, label));

    [Theory]
    [InlineData(0, "better", "indicators better than England")]
    [InlineData(1, "better", "indicator better than England")]
    [InlineData(2, "worse", "indicators worse than England")]
    [InlineData(1, "worse", "indicator worse than England")]
    public void The_england_tiles_agree_in_number(int n, string comparison, string label) =>
        Sentences.IndicatorsThan(n, comparison).Should().Be(label);

    [Theory]
    [InlineData(1, "1 authority")]
    [InlineData(0, "0 authorities")]
    [InlineData(1520, "1,520 authorities")]
    public void Counts_agree_in_number(int n, string text) => Sentences.Count(n, "authority", "authorities").Should().Be(text);

    [Fact]
    public void A_national_target_with_many_due_names_how_many_met_it()
    {
        Sentences.NationalTarget(Indicator(Max16), 2002, 91, 152, 16).Should()
            .Be("91 of the 152 authorities with a target due met it (the target: no more than 16.0%).");
        Sentences.NationalTarget(Indicator(Max16), 2002, 152, 152, 16).Should()
            .Be("All 152 authorities with a target due met it (the target: no more than 16.0%).");
        Sentences.NationalTarget(Indicator(Max16), 2002, 0, 152, 16).Should()
            .Be("None of the 152 authorities with a target due met it (the target: no more than 16.0%).");
    }

    [Fact]
    public void One_authority_due_is_singular()
    {
        Sentences.NationalTarget(Indicator(Max16), 2002, 1, 1, 16).Should().Be("The one authority with a target due met it (the target: no more than 16.0%).");
        Sentences.NationalTarget(Indicator(Max16), 2002, 0, 1, 16).Should().Be("The one authority with a target due did not meet it (the target: no more than 16.0%).");
    }

    [Fact]
    public void A_relative_target_has_no_national_value_so_each_authority_has_its_own()
    {
        // A3 in 2001-02: never "met the target of no target".
        var s = Sentences.NationalTarget(Indicator(Relative), 2002, 91, 152, null);
        s.Should().Be("91 of the 152 authorities with a target due met it (each authority's own target: 10% lower than the authority's 1997-98 value by 2002).");
        s.Should().NotContain("no target");
    }

    [Fact]
    public void A_target_not_yet_due_says_when_it_applies()
    {
        // D78 in 2001-02: the 80% target applies from 2007-08.
        Sentences.NationalTarget(Indicator(Min80), 2002, 0, 0, null).Should()
            .Be("No target is due yet: the target (at least 80% by 2008) applies from 2007-08.");
    }

    [Fact]
    public void No_target_and_none_due_are_said_plainly()
    {
        Sentences.NationalTarget(Indicator(), 2002, 0, 0, null).Should().Be("There is no national target for this indicator.");
        // A target in force whose authorities all lack a status (e.g. every figure missing).
        Sentences.NationalTarget(Indicator(Max16), 2002, 0, 0, 16).Should().Be("No authority has a target due this year.");
    }

    [Theory]
    [InlineData("At least 80% by 2008", "at least 80% by 2008")]
    [InlineData("PAF A1 target", "PAF A1 target")]
    [InlineData("10% lower", "10% lower")]
    public void Labels_inside_sentences_start_lower_case_unless_an_acronym(string label, string inside) =>
        Sentences.LowerFirst(label).Should().Be(inside);
}
