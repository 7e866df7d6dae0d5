using Qp.Domain.Authorities;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;

namespace Qp.Domain.Tests.Statements;

/// <summary>The generated statements every renderer prints, on editions small enough to check by eye.</summary>
public class EditionTextTests
{
    private static readonly Target Max16 = new(TargetKind.Maximum, 16, 2001, null, "No more than 16% in any authority by 2001");
    private static readonly Target Relative = new(TargetKind.RelativeReduction, 10, 2002, 1998, "10% lower than the authority's 1997-98 value by 2002");
    private static readonly Target Min80 = new(TargetKind.Minimum, 80, 2008, null, "At least 80% by 2008");

    private static IndicatorDefinition Def(string id, Polarity polarity, params Target[] targets) =>
        new(id, "Test indicator", "", "", "", polarity, "%", [], targets, [], []);

    private static readonly IndicatorDefinition A1 = Def("A1", Polarity.LowerIsBetter, Max16);
    private static readonly IndicatorDefinition C23 = Def("C23", Polarity.HigherIsBetter);

    private static readonly Dictionary<int, Authority> Authorities = new[]
    {
        new Authority(1, "E1", "One", "X", "Unitary"), new Authority(2, "E2", "Two", "X", "Unitary"),
        new Authority(3, "E3", "Three", "X", "County"), new Authority(4, "E4", "Four", "Y", "County"),
    }.ToDictionary(a => a.Code);

    private static IndicatorResult R(string ind, int la, int num, int den, TargetStatus status = TargetStatus.NoTarget) => new()
    {
        Indicator = ind, Year = 2002, LaCode = la, Source = ResultSource.Aggregate, Numerator = num, Denominator = den,
        Value = den == 0 ? null : 100.0 * num / den, TargetStatus = status, TargetValue = ind == "A1" ? 16 : null,
    };

    private static EditionText Text(bool publish, params IndicatorResult[] results) =>
        new(Edition.For(new EditionInput([A1, C23], Authorities, new Dictionary<int, IReadOnlyList<int>> { [1] = [2, 3] }, results, []), publish), [A1, C23], false);

    [Fact]
    public void An_England_figure_withheld_is_said_to_be_withheld_not_missing()
    {
        // 1 of 40 is hidden (a count of 1 to 5); beside 13 of 30 shown, England's 14 rounds to 10, which would leave it only 1: England is withheld.
        IndicatorResult[] results = [R("A1", 1, 1, 40), R("A1", 2, 13, 30)];
        var england = new NationalResult { Indicator = "A1", Year = 2002, Numerator = 14, Denominator = 70, Value = 20.0 };
        var text = new EditionText(Edition.For(new EditionInput([A1, C23], Authorities, new Dictionary<int, IReadOnlyList<int>>(), results, [england]), true), [A1, C23], false);
        text.Edition.HidesEngland("A1", 2002).Should().BeTrue();
        text.NoEnglandFigure("A1", 2002, "2001-02").Should().Be("England's figure for 2001-02 is withheld (c) so that no hidden figure can be worked out from it.");
        text.NoEnglandFigure("C23", 2002, "2001-02").Should().Be("No England figure is stored for 2001-02.");
        // An authority's reading says so too, never "England's figure was –".
        text.Reading(A1, results[0], england, "One", 2002).Should().EndWith("its target status is withheld with it. England's figure is withheld (c).");
    }

    [Fact]
    public void A_due_target_whose_figure_is_withheld_is_withheld_not_none()
    {
        // 3 of 40 is hidden when published (a count of 1 to 5); its stored status, Met, would tell which side of 16% it lies.
        var hidden = R("A1", 1, 3, 40, TargetStatus.Met);
        var text = Text(true, hidden, R("A1", 2, 10, 40, TargetStatus.Met));
        text.Status(A1, hidden, 2002).Should().Be(ShownStatus.Withheld);
        EditionText.StatusLabel(ShownStatus.Withheld).Should().Be("c");
        text.TargetsHeadline([(A1, hidden)], 2002).Should().Be(("c", "The one target due this year is withheld"));
        text.TargetsHeadline([(A1, hidden), (C23, null)], 2002).Should().NotBe(("None", "No targets are due this year"));
    }

    [Fact]
    public void The_targets_tile_counts_met_due_and_withheld()
    {
        // Authority 1: A1 met; C23 has no target. Two A1-like indicators due, one not met, one withheld.
        var met = R("A1", 1, 30, 250, TargetStatus.Met);
        var notMet = R("A1", 2, 50, 250, TargetStatus.NotMet);
        var hidden = R("A1", 3, 2, 40, TargetStatus.Met);
        var text = Text(true, met, notMet, hidden);
        text.TargetsHeadline([(A1, met), (A1, notMet), (A1, hidden)], 2002).Should().Be(("1 of 2", "targets due this year met; 1 more withheld (c)"));
        text.TargetsHeadline([(A1, met)], 2002).Should().Be(("1 of 1", "target due this year met"));
        text.TargetsHeadline([(C23, R("C23", 1, 6, 20))], 2002).Should().Be(("None", "No targets are due this year"));
    }

    [Fact]
    public void A_due_target_without_a_figure_is_no_figure_not_no_target()
    {
        // 0 of 0 children: nothing to judge, but the 16% target is due.
        var empty = R("A1", 1, 0, 0);
        Text(false, empty).Status(A1, empty, 2002).Should().Be(ShownStatus.NoFigure);
        EditionText.StatusLabel(ShownStatus.NoFigure).Should().Be("No figure");
        Text(false, empty).Status(C23, R("C23", 1, 0, 0), 2002).Should().Be(ShownStatus.NoTarget);
    }

    [Fact]
    public void A_rank_and_band_resting_on_a_tie_say_so()
    {
        // C23, higher is better: 10 of 20 = 50% ranks 1st alone; three authorities at 0 of 20 share 2nd.
        var top = R("C23", 1, 10, 20);
        var zero = R("C23", 2, 0, 20);
        var text = Text(true, top, zero, R("C23", 3, 0, 20), R("C23", 4, 0, 20));
        var shownZero = text.Edition.Results.Single(r => r.LaCode == 2);
        var shownTop = text.Edition.Results.Single(r => r.LaCode == 1);
        text.StandingOf(shownZero).Should().Be(new Standing(2, 4, 3));
        text.RankCell(shownZero).Should().Be("2= of 4");
        text.RankCell(shownTop).Should().Be("1 of 4");
        text.RankSentence(shownZero).Should().StartWith("It ranks joint 2nd of 4 authorities: 3 authorities share this figure, so the rank and the band rest on a tie");
        text.RankSentence(shownTop).Should().Be("It ranks 1st of 4 authorities (quartile band A, where A is the best quarter).");
    }

    [Fact]
    public void An_average_of_one_neighbour_is_not_presented_as_the_groups()
    {
        // Authority 1's neighbours are 2 (10 of 20 = 50%) and 3 (3 of 40, hidden when published).
        var own = R("C23", 1, 8, 20);
        var one = Text(true, own, R("C23", 2, 10, 20), R("C23", 3, 3, 40));
        var shown = one.Edition.Results.Single(r => r.LaCode == 1);
        one.Neighbours(shown).Should().Be(new NeighbourAverage(null, 1, 2));
        one.NeighbourLabel(shown).Should().Be("Only 1 neighbour shown");
        one.NeighbourSentence(shown).Should().Be("Only one statistical neighbour has a figure shown (1 other is withheld), so no neighbour average is given.");

        // Both shown: 50% and 6 of 24 = 25%, a plain mean of 37.5%.
        var two = Text(true, own, R("C23", 2, 10, 20), R("C23", 3, 6, 24));
        var both = two.Edition.Results.Single(r => r.LaCode == 1);
        two.NeighbourLabel(both).Should().Be("Average of 2 neighbours");
        two.NeighbourSentence(both).Should().Be("The average of the 2 statistical neighbours with a figure shown was 37.5%.");
    }

    [Fact]
    public void England_is_labelled_with_what_it_is_built_from()
    {
        Text(true).EnglandLabel.Should().Be("England (rounded counts)");
        Text(false).EnglandLabel.Should().Be("England (exact counts)");
        Text(true).EnglandNote.Should().Contain("rounded to the nearest 10");
    }

    [Fact]
    public void Synthetic_editions_say_so_and_real_ones_do_not()
    {
        var edition = Edition.For(new EditionInput([A1], Authorities, new Dictionary<int, IReadOnlyList<int>>(), [], []), false);
        new EditionText(edition, [A1], synthetic: true).SyntheticNotice.Should().StartWith("SYNTHETIC DATA:");
        new EditionText(edition, [A1], synthetic: false).SyntheticNotice.Should().BeNull();
    }

    [Fact]
    public void A_national_target_names_how_many_met_it_and_how_many_are_withheld()
    {
        // Three A1 authorities due: 1 met, 1 not met, 1 withheld (2 of 40).
        var text = Text(true, R("A1", 1, 30, 250, TargetStatus.Met), R("A1", 2, 50, 250, TargetStatus.NotMet), R("A1", 3, 2, 40, TargetStatus.Met));
        text.NationalTarget(A1, 2002, text.Edition.Results, 16).Should()
            .Be("1 of the 2 authorities with a target due and shown met it (the target: no more than 16.0%). 1 other authority's status is withheld.");
        text.MetCell(A1, 2002, text.Edition.Results).Should().Be("1 of 2");
    }

    [Fact]
    public void A_relative_or_later_target_is_named_by_its_label()
    {
        var a3 = Def("A3", Polarity.LowerIsBetter, Relative);
        var d78 = Def("D78", Polarity.HigherIsBetter, Min80);
        var text = Text(false);
        text.NationalTarget(a3, 2002, [R("A3", 1, 9, 60, TargetStatus.Met)], null).Should()
            .Be("The one authority with a target due and shown met it (each authority's own target: 10% lower than the authority's 1997-98 value by 2002).");
        text.NationalTarget(d78, 2002, [], null).Should().Be("No target is due yet: the target (at least 80% by 2008) applies from 2007-08.");
        text.NationalTarget(C23, 2002, [], null).Should().Be("There is no national target for this indicator.");
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(11, "11th")]
    [InlineData(23, "23rd")]
    public void Ordinals_read_as_english(int n, string text) => Words.Ordinal(n).Should().Be(text);
}
