namespace Qp.Validate.Tests.Dfe;

/// <summary>In the DfE's years a fault carries the DfE's code only; the tool's own codes remain where the DfE has no rule, marked as the tool's.</summary>
public class OneCodePerFaultTests
{
    // Last year's return: 1001 open since 10/01/2021 in U4 (the 2023-24 base's first episode, still open).
    private static ReturnFixture Last() =>
        PreviousEpisodes.Return(2023, ["1001", "10/01/2021", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567"]);

    private static IEnumerable<(string Code, bool Own)> At(ReturnFixture f, string file, int line) =>
        f.Validate().Where(m => m.File == file && m.Line == line && m.Code != "502").Select(m => (m.Code, m.Own));

    [Fact]
    public void An_invalid_PLACE_is_146_and_its_knock_on_503D_not_E211()
    {
        // 2023-24 base, 1001's first episode (line 2) now ZZ where last year's open episode had U4.
        var f = DfeFixtures.Base(2024).E(2, "PLACE", "ZZ").WithPreviousReturn(Last());
        At(f, "Episodes.csv", 2).Should().BeEquivalentTo([("146", false), ("503D", false)]);
    }

    [Theory]
    [InlineData("SEX", "9", "101")]
    [InlineData("ETHNIC", "XXXX", "103")]
    [InlineData("DOB", "", "102")]
    public void An_invalid_Header_value_carries_the_DfE_code(string field, string value, string code)
    {
        var f = DfeFixtures.Base(2024).H(2, field, value);
        At(f, "Header.csv", 2).Where(x => x.Code is "101" or "102" or "103" || x.Code.StartsWith('E')).Should().Equal((code, false));
    }

    [Fact]
    public void A_blank_LS_has_no_DfE_rule_so_keeps_the_tools_own_code_marked_as_such()
    {
        var m = DfeFixtures.Base(2024).E(2, "LS", "").Validate().Single(m => m.Code == "E207");
        m.Own.Should().BeTrue();
        m.ToString(markOwn: true).Should().Be("Episodes.csv:2:4: error E207 (qp): LS is missing");
        m.ToString().Should().Be("Episodes.csv:2:4: error E207: LS is missing");
    }

    [Fact]
    public void In_the_QP_era_the_tools_codes_stay_unmarked()
    {
        var m = ReturnFixture.Valid().Set("Episodes", 2, "PLACE", "ZZ").Validate().Single(m => m.Line == 2 && m.File == "Episodes.csv");
        (m.Code, m.Own).Should().Be(("E211", false));
    }
}

/// <summary>The text report's grouping of knock-on findings under their first cause, and the line naming rules that could not run.</summary>
public class FindingGroupsTests
{
    [Fact]
    public void The_503D_of_an_invalid_PLACE_is_grouped_under_the_146_and_other_findings_stand_alone()
    {
        var last = PreviousEpisodes.Return(2023, ["1001", "10/01/2021", "S", "C2", "N1", "U4", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567"]);
        // 1001's PLACE is invalid (146, and so 503D); 1002's ETHNIC too (103), which nothing else of 1002 reads.
        var groups = FindingGroups.Group(DfeFixtures.Base(2024).E(2, "PLACE", "ZZ").H(3, "ETHNIC", "XXXX").WithPreviousReturn(last).Validate(), 2024);
        groups.Where(g => g.Cause.Code is "146" or "103").Select(g => (g.Cause.Code, g.Cause.Child, string.Join(" ", g.KnockOns.Select(k => k.Code))))
            .Should().BeEquivalentTo([("146", "1001", "503D"), ("103", "1002", "")]);
        groups.Should().NotContain(g => g.Cause.Code == "503D");
    }

    [Fact]
    public void Two_invalid_values_of_one_child_are_two_causes()
    {
        // 1001's DOB blank (102) and its PLACE on line 3 invalid (146): neither follows from the other.
        var messages = DfeFixtures.Base(2024).H(2, "DOB", "").E(3, "PLACE", "ZZ").Validate();
        var groups = FindingGroups.Group(messages, 2024);
        groups.Where(g => g.Cause.Child == "1001").Select(g => g.Cause.Code).Should().Contain(["102", "146"]);
    }

    [Fact]
    public void Not_run_names_the_rules_by_what_they_lack()
    {
        RuleNeeds.NotRun(2024, postcodes: true, providers: true, previous: true).Should().BeNull();
        RuleNeeds.NotRun(2024, postcodes: true, providers: false, previous: true)
            .Should().Be("not run: 7 rule(s) (1008, 219, 221, 224, 227, 228, 229) need Ofsted's provider lists (qp import --db DB CHILDRENS-HOMES.xlsx SOCIAL-CARE-PROVIDERS.xlsx)");
        // The QP era has neither reference data rules nor most previous-year rules: only W701–W703 need last year's return.
        RuleNeeds.NotRun(2001, postcodes: false, providers: false, previous: false)
            .Should().Be("not run: 3 rule(s) (W701, W702, W703) need last year's return (1999-00: import it, or give --previous)");
    }
}
