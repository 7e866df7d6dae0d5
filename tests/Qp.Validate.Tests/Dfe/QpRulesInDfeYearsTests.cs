using Qp.Validate.Tests.Dfe;

namespace Qp.Validate.Tests.Dfe;

/// <summary>The tool's own rules where the DfE has the same check: they must agree with the DfE in the DfE's years and not refuse older returns.</summary>
public class QpRulesInDfeYearsTests
{
    [Fact]
    public void E229_does_not_refuse_a_QP_era_placement_with_the_foster_carer_that_later_changes_legal_status()
    {
        // Child 1001 moves on 01/06/2000 (RNE P) into A5: before 1 April 2015 the DfE's rule 217 does not apply.
        var messages = ReturnFixture.Valid().Set("Episodes", 3, "PLACE", "A5").Validate();
        messages.Should().NotContain(m => m.Code == "E229");
    }

    [Fact]
    public void E229_still_applies_to_placements_from_April_2015_reported_as_the_DfE_217()
    {
        var messages = DfeFixtures.Base(2023).E(3, "PLACE", "A5").E(3, "LS", "E1").Validate();
        messages.Should().NotContain(m => m.Code == "E229");
        messages.Should().ContainSingle(m => m.Code == "217").Which.Line.Should().Be(3);
    }

    [Theory]
    [InlineData("E110")]
    [InlineData("E111")]
    [InlineData("W112")]
    [InlineData("W212")]
    [InlineData("E222")]
    [InlineData("E223")]
    [InlineData("E224")]
    [InlineData("E225")]
    [InlineData("E226")]
    [InlineData("E227")]
    public void QP_era_forms_replaced_by_the_DfE_rules_are_not_applied_in_the_DfE_years(string code)
    {
        RuleRegistry.InForce(2001).All.Should().Contain(r => r.Code == code);
        RuleRegistry.InForce(2023).All.Should().NotContain(r => r.Code == code);
    }

    [Fact]
    public void W602_leaves_out_a_care_leaver_whose_only_row_besides_Header_is_OC3()
    {
        // Child 105 (born 01/05/2004, 18 in 2022-23) has a Header row and no episode this year.
        var headerOnly = DfeOther.DfeBase.Return(2023).Add("Header", "105", "1", "01/05/2004", "WBRI", "A12345678905B", "", "");
        headerOnly.Validate().Should().ContainSingle(m => m.Code == "W602").Which.Line.Should().Be(6);
        DfeOther.DfeBase.Return(2023).Add("Header", "105", "1", "01/05/2004", "WBRI", "A12345678905B", "", "")
            .Add("OC3", "105", "01/05/2004", "YES", "F2", "S2").Validate().Should().NotContain(m => m.Code == "W602");
    }

    [Fact]
    public void In_2021_22_a_care_leaver_with_only_Header_and_OC3_rows_raises_neither_W602_nor_W114()
    {
        // Child 105 (born 01/05/2002, 19 on 1 April 2021) has a Header row and no episode in 2021-22.
        var leaver = DfeOther.DfeBase.Return(2022).Add("Header", "105", "1", "01/05/2002", "WBRI", "A12345678905B", "", "");
        leaver.Validate().Where(m => m.Code is "W602" or "W114").Select(m => (m.Code, m.Line, m.Column))
            .Should().BeEquivalentTo([("W602", 6, 0), ("W114", 6, 3)]);
        DfeOther.DfeBase.Return(2022).Add("Header", "105", "1", "01/05/2002", "WBRI", "A12345678905B", "", "")
            .Add("OC3", "105", "01/05/2002", "YES", "F2", "S2").Validate().Should().NotContain(m => m.Code == "W602" || m.Code == "W114");
    }

    [Fact]
    public void W114_is_a_QP_era_rule_because_DfE_returns_list_care_leavers_over_18_in_Header()
    {
        RuleRegistry.InForce(2022).All.Should().Contain(r => r.Code == "W114");
        RuleRegistry.InForce(2023).All.Should().NotContain(r => r.Code == "W114");
    }

    [Fact]
    public void A_male_child_with_an_MC_DOB_breaks_the_DfE_rule_174_not_the_QP_era_E110()
    {
        var codes = DfeFixtures.Base(2023).H(2, "MC_DOB", "01/01/2022").Validate().Select(m => m.Code).ToArray();
        codes.Should().BeEquivalentTo(["174"]);
    }

    [Fact]
    public void Codes_follow_the_DfE_lists_of_each_year()
    {
        Codes.Place.Contains("K3", 2023).Should().BeFalse("K3 arrived with supported accommodation in 2023-24");
        Codes.Place.Contains("K3", 2024).Should().BeTrue();
        Codes.Place.Contains("K3", 2001).Should().BeTrue("QP-era returns keep the tool's own list");
        Codes.Place.Contains("H5", 2025).Should().BeTrue();
        Codes.Place.Contains("H5", 2026).Should().BeFalse();
        Codes.Place.Contains("Z1", 2026).Should().BeFalse();
        Codes.Rec.Contains("E43", 2021).Should().BeTrue();
        Codes.Rec.Contains("E43", 2023).Should().BeFalse();
        Codes.NoProviderPlace.Contains("T4", 2025).Should().BeTrue();
        Codes.NoProviderPlace.Contains("T4", 2026).Should().BeFalse();
        Codes.NoUrnPlace.Contains("H5", 2023).Should().BeTrue();
        Codes.NoUrnPlace.Contains("H5", 2024).Should().BeFalse();
    }

    [Fact]
    public void Rule_371_checks_H5_before_2024_25_and_K3_from_then()
    {
        // 2024-25 base: child 1002 (born 15/08/2008) in K3 from 01/02/2022, aged 13.
        DfeFixtures.Base(2025).E(4, "PLACE", "K3").Validate().Select(m => m.Code).Should().Contain("371");
        DfeFixtures.Base(2025).E(4, "PLACE", "H5").Validate().Select(m => m.Code).Should().NotContain("371");
        DfeFixtures.Base(2024).E(4, "PLACE", "H5").H(3, "DOB", "15/08/2006").Validate().Select(m => m.Code)
            .Should().Contain("371", "in 2023-24 H5 needs 16; the child was 15");
        DfeFixtures.Base(2023).E(4, "PLACE", "H5").H(3, "DOB", "15/08/2006").Validate().Select(m => m.Code)
            .Should().NotContain("371", "in 2022-23 H5 needed only 14");
    }

    [Fact]
    public void Rule_218_exempts_a_placement_the_postcode_directory_puts_outside_England()
    {
        var messages = new List<Qp.Domain.Validation.ValidationMessage>();
        var dir = new FakePostcodes(new() { ["EH1 1AA"] = new PostcodeInfo(325000, 673000, "SCO") });
        var ctx = new RuleContext(2023, ReturnFixture.Today, messages.Add) { Postcodes = dir };
        var rule = RuleRegistry.InForce(2023).RowRules[Tables.Episodes].Single(r => r.Code == "218");
        rule.Apply(EpisodeRow("EH1 1AA"), ctx);
        messages.Should().BeEmpty();
        rule.Apply(EpisodeRow("TS25 1AA"), ctx);
        messages.Should().ContainSingle().Which.Column.Should().Be(13);
    }

    private static SourceRow EpisodeRow(string plPost)
    {
        var loc = new Location("Episodes.csv", 2, 0);
        string?[] values = ["1001", "01/06/2022", "P", "C2", "N1", "U5", "PR1", null, null, null, "TS24 8AA", plPost, null];
        return new SourceRow(Tables.Episodes, loc, values, values.Select((_, i) => loc with { Column = i + 1 }).ToArray());
    }
}

public class UascPostcodeTests
{
    [Fact]
    public void Rule_392b_spares_a_child_in_the_UASC_table()
    {
        var without = DfeFixtures.Base(2023).E(2, "HOME_POST", "");
        without.Validate().Where(m => m.Code == "392b").Select(m => m.Line).Should().Equal(2);
        var uasc = DfeFixtures.Base(2023).E(2, "HOME_POST", "").Raw("UASC.csv", "CHILD,SEX,DOB,DUC\n1001,1,01/05/2010,01/05/2028\n");
        uasc.Validate().Should().NotContain(m => m.Code == "392b");
    }
}

public class DuplicateUpnTests
{
    [Fact]
    public void Rule_444_reports_every_row_sharing_a_UPN_and_ignores_the_unknown_codes()
    {
        var f = DfeFixtures.Base(2026).H(3, "UPN", "A123456789012").Add("Header", "1003", "M", "01/05/2012", "WBRI", "A123456789012", "0", "")
            .Add("Episodes", "1003", "01/05/2025", "S", "V2", "N1", "U4", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567");
        f.Validate().Where(m => m.Code == "444").Select(m => m.Line).Should().BeEquivalentTo([2, 3, 4]);
        DfeFixtures.Base(2025).H(3, "UPN", "A123456789012").Validate().Should().NotContain(m => m.Code == "444", "the rule starts in 2025-26");
    }
}

public class AdultCareAgeTests
{
    [Fact]
    public void Rule_389_fails_an_E7_episode_without_a_DEC_as_the_DfE_does()
    {
        // Child 1001's open episode given REC E7 but no DEC: age at DEC cannot be shown (148 fires as well).
        var codes = DfeFixtures.Base(2023).E(3, "REC", "E7").Validate().Where(m => m.Code == "389").Select(m => m.Line);
        codes.Should().Equal(3);
    }
}

public class YearlyListsInRulesTests
{
    private static string[] Codes(int year, int line, params (string Column, string Value)[] edits)
    {
        var f = DfeFixtures.Base(year);
        foreach (var (c, v) in edits) f.E(line, c, v);
        return f.Validate().Select(m => m.Code).Distinct().ToArray();
    }

    [Theory]
    [InlineData(2023, "K3", true)]
    [InlineData(2024, "K3", false)]
    [InlineData(2025, "Z1", false)]
    [InlineData(2026, "Z1", true)]
    [InlineData(2026, "Z12", false)]
    [InlineData(2025, "Z12", true)]
    public void E211_the_DfE_146_follows_the_placement_list_of_the_year(int year, string place, bool flagged)
    {
        Codes(year, 4, ("PLACE", place)).Contains("146").Should().Be(flagged);
    }

    [Fact]
    public void Rule_178_lets_T4_have_a_provider_from_2025_26_while_213_still_forbids_it()
    {
        Codes(2025, 3, ("PLACE", "T4")).Should().Contain(["178", "213"]);
        var y2026 = Codes(2026, 3, ("PLACE", "T4"));
        y2026.Should().Contain("213").And.NotContain("178");
    }

    [Fact]
    public void Rule_222_forbids_a_URN_on_H5_only_in_2022_23()
    {
        Codes(2023, 3, ("PLACE", "H5")).Should().Contain("222");
        Codes(2024, 3, ("PLACE", "H5")).Should().NotContain("222");
    }

    [Fact]
    public void Rule_218_exempts_H5_up_to_2023_24_only()
    {
        Codes(2024, 3, ("PLACE", "H5"), ("URN", "")).Should().NotContain("218");
        Codes(2025, 3, ("PLACE", "H5"), ("URN", "")).Should().Contain("218");
    }

    [Fact]
    public void Rule_218_asks_no_URN_of_a_short_break_which_214_forbids_one()
    {
        Codes(2023, 4, ("LS", "V3"), ("PL_POST", ""), ("URN", "")).Should().NotContain(["218", "214"]);
        Codes(2026, 4, ("LS", "V4"), ("PL_POST", ""), ("URN", "")).Should().NotContain(["218", "214"]);
        Codes(2023, 4, ("LS", "V3"), ("PL_POST", ""), ("URN", "1111111")).Should().Contain("214");
        Codes(2023, 4, ("LS", "C2"), ("URN", "")).Should().Contain("218");
    }
}

public class SequenceAsTheDfeTests
{
    [Fact]
    public void E218_the_DfE_501_flags_a_second_episode_starting_the_same_day_before_the_first_ends()
    {
        var f = DfeFixtures.Base(2023).Add("Episodes", "1002", "01/02/2021", "S", "C2", "N2", "K2", "PR1", "01/03/2021", "E8", "", "TS24 8AA", "TS27 2AA", "1111111");
        f.Validate().Where(m => m.Code == "501").Select(m => m.Line).Should().Equal(5);
    }

    [Fact]
    public void E219_the_DfE_142_flags_an_earlier_episode_without_REC()
    {
        DfeFixtures.Base(2023).E(2, "REC", "").Validate().Where(m => m.Code == "142").Select(m => m.Line).Should().Equal(2);
    }
}
