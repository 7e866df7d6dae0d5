using Qp.Domain.Validation;

namespace Qp.Validate.Tests.DfeOther;

public class DfeOtherYearTests
{
    // The open validator's rules on OC2, OC3, AD1, PlacedAdoption, Missing, UASC, PrevPerm, Reviews, SWEpisodes and DoLo, by year
    // (its registries lac2022_23 … lac2026_27, later years overriding earlier ones).
    private static readonly string[] Peer2023 = ("1000 1001 1002 1003 1004 1005 1006 1007 1010 1011 1014 104 112 113 114 115 116 117 118 119 120 " +
        "131 132 133 134 151 153 157 158 159 165 166 167 175 176 177 180 181 182 184 185 186 187 188 189 190 191 192 193 196 197B 197a 198 " +
        "205A 205B 205C 205D 215 3001 303 304 331 333 334 335 344 345 391 399 440 441 511 514 517 518 519 520 521 522 523 524 525 542 543 544 " +
        "545 546 547 551 552 553 554 555 556 557 558 559 560 561 563 564 565 566 567 570 571 574 575 576 577 578 579 580 581 582 583 584 586 601 " +
        "602 628 630 631 632 633 634 635 INT01 INT02 INT04 INT05 INT06 INT07 INT08 INT09 INT11 INT12 INT13 INT14 INT15 INT16 INT17 INT18 " +
        "INT21 INT31 INT33 INT34 INT35 INT36").Split(' ');

    private static readonly string[] Added2024 = ["1016", "347", "SW01STG1", "SW02STG1", "SW03STG1", "SW04STG1", "SW05STG1", "SW06STG2", "SW07STG2",
        "SW08STG2", "SW09STG2", "SW10STG2", "SW11aSTG2", "SW11bSTG2", "SW12STG2", "SW13STG1", "SW14STG2"];
    private static readonly string[] Deleted2025 = ["555", "556", "SW01STG1", "SW03STG1", "SW11aSTG2", "SW14STG2"];
    private static readonly string[] Added2025 = ["SW01aSTG1", "SW01bSTG1"];
    private static readonly string[] Added2026 = ["348", "SW17STG2"];
    private static readonly string[] Added2027 = ["700", "701", "702", "703", "704", "705", "706", "707", "708", "709", "710"];

    /// <summary>The peer's codes in force in <paramref name="year"/>.</summary>
    public static IReadOnlySet<string> Peer(int year)
    {
        var set = new HashSet<string>(Peer2023);
        if (year >= 2024) set.UnionWith(Added2024);
        if (year >= 2025) { set.ExceptWith(Deleted2025); set.UnionWith(Added2025); }
        if (year >= 2026) set.UnionWith(Added2026);
        if (year >= 2027) set.UnionWith(Added2027);
        return set;
    }

    /// <summary>Rules not ported: they read last year's episodes (1001, 1002, 1010) or Header's UASC column (303).</summary>
    private static readonly string[] Left = ["1001", "1002", "1010", "303"];

    [Theory]
    [InlineData(2023, 149)]
    [InlineData(2024, 166)]
    [InlineData(2025, 162)]
    [InlineData(2026, 164)]
    [InlineData(2027, 175)]
    public void Every_ported_rule_is_in_force_exactly_in_the_years_the_DfE_has_it(int year, int peerCount)
    {
        var peer = Peer(year);
        peer.Should().HaveCount(peerCount);
        var ours = RuleRegistry.InForce(year).All.Where(r => Other(r) || ReportedElsewhere(r)).Select(r => r.DfeCode!).ToHashSet();
        ours.Should().BeSubsetOf(peer, "no ported rule may be in force in a year the DfE does not have it");
        peer.Except(Left).Should().BeSubsetOf(ours, "every rule of these tables except the listed ones is ported");
    }

    // A ported rule of these tables reported on Header or Episodes rows (205A, 205D, 580): a code of the peer's lists in some year.
    private static bool ReportedElsewhere(Rule r) =>
        r.DfeCode is not null && r.Code == r.DfeCode && r.Table is "Header" or "Episodes" && Enumerable.Range(2023, 5).Any(y => Peer(y).Contains(r.Code));

    // A ported rule of these tables: its code is the DfE code and it reads one of them.
    private static bool Other(Rule r) => r.DfeCode is not null && r.Code == r.DfeCode && r.Table is "OC2" or "OC3" or "AD1" or "PlacedAdoption" or "Missing" or "UASC" or "PrevPerm"
        or "Reviews" or "SWEpisodes" or "DoLo";

    [Fact]
    public void Qp_era_OC2_rules_that_the_DfE_rules_replace_stop_in_2021_22()
    {
        foreach (var code in new[] { "E402", "E403", "E404", "E405", "E406" })
        {
            RuleRegistry.InForce(2001).All.Should().Contain(r => r.Code == code);
            RuleRegistry.InForce(2023).All.Should().NotContain(r => r.Code == code);
        }
        RuleRegistry.InForce(2023).All.Should().Contain(r => r.Code == "E401").And.Contain(r => r.Code == "180");
    }

    private static List<ValidationMessage> Messages(ReturnFixture f, string code) => f.Validate().Where(m => m.Code == code).ToList();

    [Fact]
    public void Rule_557_counts_freeing_orders_D1_only_up_to_2023_24()
    {
        // 103's second episode becomes a freeing order (D1) in a foster placement that ends E8 (not adopted); the decision stays open.
        ReturnFixture Edit(int year) => DfeBase.Return(year).Set("Episodes", 5, "LS", "D1").Set("Episodes", 5, "PLACE", "U4").Set("Episodes", 5, "REC", "E8");
        Messages(Edit(2024), "557").Select(m => (m.File, m.Line)).Should().BeEquivalentTo([("PlacedAdoption.csv", 2), ("Episodes.csv", 5)]);
        Messages(Edit(2025), "557").Should().BeEmpty();
    }

    [Fact]
    public void SW07_accepts_an_end_in_the_year_before_from_2024_25()
    {
        // 101's social worker episode ends a month before the collection year starts.
        Messages(DfeBase.Return(2024).Set("SWEpisodes", 2, "SW_DEC", "01/03/2023"), "SW07STG2").Should().ContainSingle();
        Messages(DfeBase.Return(2025).Set("SWEpisodes", 2, "SW_DEC", "01/03/2024"), "SW07STG2").Should().BeEmpty();
        Messages(DfeBase.Return(2025).Set("SWEpisodes", 2, "SW_DEC", "01/03/2023"), "SW07STG2").Should().ContainSingle();
    }

    [Fact]
    public void SW13_lets_an_episode_begun_before_April_2023_have_no_reason_from_2024_25()
    {
        // 101's episode began 01/01/2021 (2023-24) or 01/01/2022 (2024-25); 104's on 01/06/2024 in 2024-25.
        Messages(DfeBase.Return(2024).Set("SWEpisodes", 2, "SW_REASON", ""), "SW13STG1").Should().ContainSingle();
        Messages(DfeBase.Return(2025).Set("SWEpisodes", 2, "SW_REASON", ""), "SW13STG1").Should().BeEmpty();
        Messages(DfeBase.Return(2025).Set("SWEpisodes", 3, "SW_REASON", ""), "SW13STG1").Should().ContainSingle();
    }

    [Fact]
    public void SW10_skips_a_change_for_a_foster_carer_contact_reason_from_2024_25()
    {
        ReturnFixture Gap(int year, string reason) => DfeBase.Return(year).Set("SWEpisodes", 2, "SW_DEC", DfeBase.Shift("01/05/2023", year - 2024))
            .Add("SWEpisodes", "101", DfeBase.Shift("10/06/2013", year - 2024), "SW101", DfeBase.Shift("01/06/2023", year - 2024), "", reason);
        Messages(Gap(2024, "FCONTA"), "SW10STG2").Should().ContainSingle();
        Messages(Gap(2025, "FCONTA"), "SW10STG2").Should().BeEmpty();
        Messages(Gap(2025, "MANAGE"), "SW10STG2").Should().ContainSingle();
    }

    [Fact]
    public void SW12_does_not_take_an_open_episode_after_a_move_for_the_end_of_care()
    {
        // 101 moves on 01/06/2023 (X1, then RNE P, still open): the social worker episode from the start of care covers both.
        var moved = DfeBase.Return(2024).Set("Episodes", 2, "DEC", "01/06/2023").Set("Episodes", 2, "REC", "X1").Set("Episodes", 2, "REASON_PLACE_CHANGE", "CARPL")
            .Add("Episodes", "101", "01/06/2023", "P", "C2", "N1", "U1", "PR1", "", "", "", "TS24 8", "TS25 9", "1000109");
        Messages(moved, "SW12STG2").Should().BeEmpty();
        moved.Validate().Where(m => m.Severity == Severity.Error).Should().BeEmpty();
        // A social worker episode starting before the period of care is still flagged, on the episode that began it.
        Messages(moved.Set("SWEpisodes", 2, "SW_DECOM", "01/12/2020"), "SW12STG2").Select(m => m.Line).Should().Equal(2);
    }

    [Fact]
    public void SW12_lets_a_child_with_two_periods_of_care_have_a_worker_episode_for_each()
    {
        // 101 goes home on 01/06/2023 (E4A) and comes back on 01/09/2023 (S): a new worker episode starts on the return.
        ReturnFixture Back() => DfeBase.Return(2024).Set("Episodes", 2, "DEC", "01/06/2023").Set("Episodes", 2, "REC", "E4A")
            .Add("Episodes", "101", "01/09/2023", "S", "C2", "N1", "U1", "PR1", "", "", "", "TS24 8", "TS25 1", "1000101");
        Messages(Back().Set("SWEpisodes", 2, "SW_DEC", "01/09/2023").Add("SWEpisodes", "101", "10/06/2013", "SW101", "01/09/2023", "", "MANAGE"), "SW12STG2")
            .Should().BeEmpty();
        // Without a worker episode from the return, the new period of care (file line 7) is flagged.
        Messages(Back(), "SW12STG2").Select(m => m.Line).Should().Equal(7);
    }

    [Fact]
    public void Rules_on_a_table_the_return_does_not_supply_stay_silent()
    {
        // Without a PlacedAdoption table, 103's placement order and adoption placement are not flagged (553, 551); without OC2, the
        // continuously looked after child 101 is not flagged for a missing OC2 row (191).
        var messages = DfeBase.Return().Remove("PlacedAdoption").Remove("OC2").Validate();
        messages.Should().NotContain(m => m.Code == "553" || m.Code == "551" || m.Code == "191");
        DfeBase.Return().Set("OC2", 2, "CHILD", "109").Validate().Should().Contain(m => m.Code == "191" && m.File == "Episodes.csv" && m.Line == 2);
    }

    [Fact]
    public void No_DfE_rule_of_these_tables_is_in_force_before_2022_23()
    {
        RuleRegistry.InForce(2022).All.Where(Other).Should().BeEmpty();
        RuleRegistry.InForce(2023).All.Where(Other).Should().NotBeEmpty();
    }
}
