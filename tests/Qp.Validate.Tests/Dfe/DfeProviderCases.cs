using Qp.Validate.Rules.Dfe;

namespace Qp.Validate.Tests.Dfe;

/// <summary>
/// Cases of the DfE's rules on Ofsted's provider lists, on the base return (URNs 1234567, 7654321, 1111111, all PR1 in Hartlepool)
/// validated with a hand-made list that holds its three providers and a few closed ones, and <see cref="FakePostcodes.Sample"/>.
/// </summary>
public sealed class DfeProviderCases : IRuleCaseSet
{
    private static ProviderInfo P(string urn, string place, string postcode, string? closed = null, params string[] providers) =>
        new(urn, [place], providers.Length == 0 ? ["PR1"] : providers, null, closed is null ? null : Codes.Date(closed), postcode);

    /// <summary>The base return's providers (1111111 is registered as either own or another authority's provision), plus closed ones.</summary>
    public static readonly ProviderTable Sample = new(
    [
        P("1234567", "U4", "TS251AA"),
        P("7654321", "U5", "TS269AA"),
        P("1111111", "K2", "TS272AA", null, "PR1", "PR2"),
        P("2222222", "K2", "TS272AA", "01/02/2021"),  // closed the day the base's K2 episode starts
        P("3333333", "K2", "TS272AA", "01/06/2022"),  // closed during the base's K2 episode (01/02/2021–01/12/2022)
        P("4444444", "K2", "TS272AA", "31/12/2022"),  // closed after it ended
        P("5555555", "K2", "EH11AA"),                 // in Scotland
    ]);

    private static ReturnFixture B(int year = 2023)
    {
        var f = DfeFixtures.Base(year);
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        f.Providers = Sample;
        return f;
    }

    private static ReturnFixture Ep(int line, string col, string v) => B().E(line, col, v);
    private static Location El(int line, int col) => new("Episodes.csv", line, col);

    /// <summary>Child 1002 (Episodes line 4) made UASC.</summary>
    private static ReturnFixture Uasc(ReturnFixture f) => f.AddTable("UASC", ["CHILD", "SEX", "DOB", "DUC"], ["1002", "2", "15/08/2007", ""]);

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        new("1008", () => Ep(2, "URN", "2345"), El(2, 13), () => Ep(2, "URN", "XXXXXXX")),
        new("219", () => Ep(4, "PLACE", "K1"), El(4, 6), () => Ep(4, "PLACE", "K1").E(4, "URN", "XXXXXXX")),
        new("221", () => Ep(4, "PL_POST", "TS26 9AA"), El(4, 12), () => Ep(4, "PL_POST", "ts27 2aa")),
        new("224", () => Ep(4, "PLACE_PROVIDER", "PR4"), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "PR2")),
        new("227", () => Ep(4, "URN", "2222222"), El(4, 2), () => Ep(4, "URN", "3333333")),
        new("228", () => Ep(4, "URN", "3333333"), El(4, 8), () => Ep(4, "URN", "4444444")),
        new("229", () => Ep(4, "PLACE_PROVIDER", "PR2"), El(4, 7), () => Ep(4, "PLACE_PROVIDER", "PR2").E(4, "URN", "5555555")),
        new("406", () => Uasc(B()), El(4, 0), () => Uasc(B()).E(4, "HOME_POST", "")),
    ];
}

public class DfeProviderTests
{
    private static ReturnFixture B(int year = 2023)
    {
        var f = DfeFixtures.Base(year);
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        f.Providers = DfeProviderCases.Sample;
        return f;
    }

    private static IEnumerable<string> Codes(ReturnFixture f) => f.Validate().Select(m => m.Code);

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_base_return_passes_every_rule_with_the_provider_lists(int year) => B(year).Validate().Should().BeEmpty();

    [Fact]
    public void Without_provider_lists_the_urn_rules_are_silent()
    {
        var f = DfeFixtures.Base(2023).E(2, "URN", "2345").E(4, "PLACE_PROVIDER", "PR4").E(4, "PL_POST", "TS26 9AA");
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        Codes(f).Should().NotContain(["1008", "219", "221", "224", "227", "228", "229"]);
    }

    [Fact]
    public void An_unknown_urn_is_reported_once_by_1008_only()
    {
        Codes(B().E(4, "URN", "SC999999").E(4, "PLACE_PROVIDER", "PR4")).Should().Equal("1008");
    }

    [Fact]
    public void The_placeholder_urn_and_a_six_x_urn_differ()
    {
        Codes(B().E(2, "URN", "XXXXXX")).Should().Contain("1008");
        Codes(B().E(2, "URN", "XXXXXXX")).Should().NotContain("1008");
    }

    [Fact]
    public void An_open_episode_at_a_provider_that_closed_before_the_end_of_the_year_fails_228()
    {
        // Line 3 is open; 3333333 closed on 01/06/2022, before 31/03/2023.
        B().E(3, "URN", "3333333").Validate().Should().ContainSingle(m => m.Code == "228" && m.Line == 3 && m.Column == 8);
        // Closed after the year's end: an open episode there is fine.
        var later = new ProviderTable([.. DfeProviderCases.Sample.All, new("6666666", ["U5"], ["PR1"], null, new DateOnly(2023, 4, 1), "TS269AA")]);
        var f = B().E(3, "URN", "6666666");
        f.Providers = later;
        Codes(f).Should().NotContain("228");
    }

    [Fact]
    public void Own_provision_at_a_provider_in_another_authority_fails_229_and_another_authoritys_passes()
    {
        B().E(4, "URN", "5555555").E(4, "PL_POST", "EH1 1AA").Validate()
            .Should().Contain(m => m.Code == "229" && m.Line == 4 && m.Column == 7);
        Codes(B().E(4, "URN", "5555555").E(4, "PL_POST", "EH1 1AA").E(4, "PLACE_PROVIDER", "PR2")).Should().NotContain("229");
    }

    [Fact]
    public void Rule_229_is_silent_when_the_authoritys_ons_code_is_unknown()
    {
        var f = B().E(4, "PLACE_PROVIDER", "PR2");
        f.Postcodes = (FakePostcodes.Sample, null);
        Codes(f).Should().NotContain("229");
    }

    [Theory]
    [InlineData(2023, "H5", false)]
    [InlineData(2024, "H5", true)]
    [InlineData(2025, "H5", false)]
    [InlineData(2024, "K3", false)]
    [InlineData(2025, "K3", true)]
    [InlineData(2023, "K1", true)]
    [InlineData(2023, "U4", false)]
    public void Rule_221_checks_the_placement_types_of_its_year(int year, string place, bool checkedThen) =>
        DfeProviderRules.PostcodeChecked(place, year).Should().Be(checkedThen);

    [Fact]
    public void Rule_221_leaves_short_breaks_out()
    {
        Codes(B().E(4, "PL_POST", "TS26 9AA")).Should().Contain("221");
        Codes(B().E(4, "PL_POST", "TS26 9AA").E(4, "LS", "V3")).Should().NotContain("221");
    }

    [Fact]
    public void Rule_406_reads_formerly_uasc_from_last_years_uasc_table()
    {
        Codes(B()).Should().NotContain("406");
        var formerly = new PreviousRow("UASC", "1002", new Dictionary<string, string?> { ["DUC"] = "01/01/2022" });
        B().WithPreviousRows(2022, formerly).Validate().Should().Contain(m => m.Code == "406" && m.Line == 4);
    }

    [Fact]
    public void A_urn_listed_twice_has_both_lists_codes_and_is_open_if_either_entry_is()
    {
        var t = new ProviderTable(
        [
            new("SC1", ["K2"], ["PR4"], null, new DateOnly(2020, 1, 1), "AB11AA"),
            new("sc1", ["K1"], ["PR4", "PR5"], null, null, null),
        ]);
        var p = t.Find(" SC1 ")!;
        p.Places.Should().Equal("K2", "K1");
        p.Providers.Should().Equal("PR4", "PR5");
        p.Closed.Should().BeNull();
        p.Postcode.Should().Be("AB11AA");
        t.Count.Should().Be(1);
    }

    [Fact]
    public void Providers_added_with_joined_codes_read_back_as_lists_and_merge_like_records()
    {
        var t = new ProviderTable();
        t.Add("SC2", "K1/K2", "PR4", new DateOnly(2015, 5, 1), new DateOnly(2021, 3, 1), "TS11AA");
        t.Add("SC3", "", "", null, null, null);
        t.Add("sc2", "U1", "PR4/PR5", new DateOnly(2010, 1, 1), new DateOnly(2022, 6, 30), null);
        t.Find("SC2").Should().BeEquivalentTo(new ProviderInfo("SC2", ["K1", "K2", "U1"], ["PR4", "PR5"], new DateOnly(2015, 5, 1), new DateOnly(2022, 6, 30), "TS11AA"),
            "the first registration date and postcode are kept and the later closure wins when both entries closed");
        t.Find("SC3").Should().BeEquivalentTo(new ProviderInfo("SC3", [], [], null, null, null));
        t.Count.Should().Be(2);
    }

    [Fact]
    public void Looking_providers_up_in_turn_gives_each_its_own_entry()
    {
        // Find keeps the last answer for the next rule on the same row: asking for others in between must not return it.
        var t = DfeProviderCases.Sample;
        var urns = t.All.Select(p => p.Urn).Take(3).ToArray();
        urns.Should().HaveCount(3);
        foreach (var u in urns.Concat(urns).Append("NOT-A-URN").Concat(urns.Reverse()))
            t.Find(u)?.Urn.Should().Be(u);
        t.Find("NOT-A-URN").Should().BeNull();
        t.Find(urns[0]).Should().NotBeNull();

        // A provider added after a look-up missed it is found: the kept answer goes with any addition.
        var growing = new ProviderTable();
        growing.Find("SC9").Should().BeNull();
        growing.Add("SC9", "K2", "PR4", null, null, null);
        growing.Find("SC9")!.Places.Should().Equal("K2");
    }
}
