using Qp.Import.ChildLevel;
using Qp.Store;
using Qp.Validate.Rules.Dfe;
using Qp.Validate.Tests.DfeOther;

namespace Qp.Validate.Tests.Dfe;

public class PreviousEpisodeTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    // H5 became K3 from 2023-24; H5, P2 and Z1 were withdrawn in 2025-26 (P2 and H5 → K3, Z1 → Z11–Z14).
    [InlineData("H5", "K3", 2024, true)]
    [InlineData("H5", "K3", 2026, true)]
    [InlineData("H5", "K3", 2027, false)]
    [InlineData("P2", "K3", 2026, true)]
    [InlineData("P2", "K3", 2025, false)]
    [InlineData("Z1", "Z12", 2026, true)]
    [InlineData("Z1", "Z12", 2025, false)]
    [InlineData("K3", "H5", 2026, false)]
    [InlineData("U4", "U5", 2026, false)]
    public void A_withdrawn_placement_code_recoded_is_the_same_placement(string was, string now, int year, bool same)
    {
        PreviousEpisodeRules.Recoded(was, now, year).Should().Be(same);
    }

    [Fact]
    public void In_2025_26_an_open_P2_placement_shown_as_K3_passes_503D_and_one_shown_as_U4_fails()
    {
        // 2025-26 base: 1001 open since 10/01/2022 (U4 until 01/05/2025); last year's return has it in P2.
        ReturnFixture Now(string place) => DfeFixtures.Base(2026).E(2, "PLACE", place);
        var last = PreviousEpisodes.Return(2025, ["1001", "10/01/2022", "S", "C2", "N1", "P2", "PR1", "", "", "", "TS24 8AA", "TS25 1AA", "1234567"]);
        Now("K3").WithPreviousReturn(last).Validate().Should().NotContain(m => m.Code == "503D");
        Now("U4").WithPreviousReturn(last).Validate().Where(m => m.Code == "503D").Select(m => m.Line).Should().Equal(2);
    }

    [Fact]
    public void The_rules_compare_the_episode_open_on_1_April_when_the_return_also_holds_earlier_episodes()
    {
        // A whole-period return: 1001 also has a 2019 episode (RNE S) that ended before the year; the one open on 1 April 2022
        // (RNE P, as last year's return has it) is compared, and agrees.
        var now = DfeFixtures.Base(2023).E(2, "RNE", "P")
            .Add("Episodes", "1001", "01/01/2019", "S", "C2", "N1", "U4", "PR1", "10/01/2020", "X1", "CARPL", "TS24 8AA", "TS25 1AA", "1234567");
        var messages = PreviousEpisodes.Against(PreviousEpisodes.Of2022("RNE", "P"), now).Validate();
        messages.Should().NotContain(m => m.Code.StartsWith("503") || m.Code == "562" || m.Code == "NoE");
    }

    [Fact]
    public void Without_last_years_return_the_comparisons_are_silent()
    {
        DfeFixtures.Base(2023).E(2, "RNE", "L").Validate().Select(m => m.Code).Should().NotContain(c => c.StartsWith("503") || c == "562" || c == "NoE" || c == "452" || c == "453");
    }

    [Fact]
    public void The_DfE_rules_replace_W702_and_W703_from_2022_23()
    {
        RuleRegistry.InForce(2022).All.Select(r => r.Code).Should().Contain(["W701", "W702", "W703"]).And.NotContain(["503A", "562", "NoE"]);
        RuleRegistry.InForce(2023).All.Select(r => r.Code).Should().Contain(["W701", "503A", "503J", "562", "NoE", "1001", "EPI"]).And.NotContain(["W702", "W703"]);
        RuleRegistry.InForce(2027).All.Select(r => r.Code).Should().Contain(PreviousEpisodeRules.All.Select(r => r.Code));
        RuleRegistry.Find("EPI")!.Severity.Should().Be(Domain.Validation.Severity.Warning);
        RuleRegistry.Find("503D")!.Severity.Should().Be(Domain.Validation.Severity.Error);
    }

    [Fact]
    public void Rules_1001_and_1002_leave_out_a_care_leaver_looked_after_in_a_return_before_last_years()
    {
        // Care leaver 109 has an OC3 row, no episode this year and none in last year's return.
        var leaver = () => DfeBase.Return().Set("OC3", 2, "CHILD", "109");
        leaver().WithPrevious(new PreviousReturn(2022, [])).Validate().Should().ContainSingle(m => m.Code == "1002");
        leaver().WithPrevious(new PreviousReturn(2022, []) { EarlierInCare = new HashSet<string> { "109" } }).Validate()
            .Should().NotContain(m => m.Code == "1002" || m.Code == "1001");
    }

    [Theory]
    // 102 (born 05/03/2005, 14 on 05/03/2019) has 14 days of care since then in the two years; 109 (born 01/06/2004) none.
    [InlineData(null, 0)]
    [InlineData(2020, 0)]
    [InlineData(2019, 3)]
    public void Rules_1001_and_1002_judge_only_a_care_leaver_whose_years_since_14_are_all_known(int? historyFrom, int findings)
    {
        var f = DfeBase.Return().Set("Episodes", 3, "DECOM", "15/02/2023")
            .Add("Header", "109", "1", "01/06/2004", "WBRI", "A12345678909B", "", "").Add("OC3", "109", "01/06/2004", "YES", "F2", "S2");
        var last = PreviousEpisodes.Return(2022, ["101", "01/01/2020", "S", "C2", "N1", "U1", "PR1", "", "", "", "TS24 8", "TS25 1", "1000101"],
            ["102", "01/02/2021", "S", "C2", "N2", "U4", "PR1", "", "", "", "TS24 8", "TS25 2", "1000102"]);
        var codes = f.WithPreviousReturn(last, historyFrom).Validate().Where(m => m.Code is "1001" or "1002").Select(m => (m.Code, m.Line)).ToList();
        // From 2018-19 on every year since both 14th birthdays is known: 102 is flagged by 1001, 109 (no episode at all) by both.
        codes.Should().HaveCount(findings);
        if (findings > 0) codes.Should().BeEquivalentTo([("1001", 2), ("1001", 3), ("1002", 3)]);
    }

    [Fact]
    public void Last_years_return_read_from_the_store_gives_the_same_facts_and_findings_as_its_files()
    {
        // Last year's return (DfeBase 2022-23, every table) imported into a store, and the same files given as --previous.
        var root = Directory.CreateTempSubdirectory("qp-prevstore-").FullName;
        try
        {
            var lastFolder = DfeBase.Return(2023).WriteTo(Directory.CreateDirectory(Path.Combine(root, "last")).FullName);
            var lastSubmission = Submission.Find(lastFolder).Single();
            using var conn = QpDatabase.Open(Path.Combine(root, "qp.db"));
            ChildLevelImporter.Import(conn, lastSubmission, 805, 2023, Today).Outcome.Should().Be(ImportOutcome.Accepted);

            var fromStore = PreviousReturns.FromStore(conn, 805, 2023)!;
            var fromFiles = PreviousReturns.FromFiles(lastSubmission, 2023);
            PreviousReturns.FromStore(conn, 805, 2022).Should().BeNull();
            foreach (var table in PreviousReturn.KeptTables)
            {
                fromStore.Holds(table).Should().Be(fromFiles.Holds(table), table);
                fromStore.ChildrenIn(table).Should().BeEquivalentTo(fromFiles.ChildrenIn(table), table);
                foreach (var child in fromFiles.ChildrenIn(table))
                    fromStore.RowsOf(table, child).Select(r => r.Fields).Should().BeEquivalentTo(fromFiles.RowsOf(table, child).Select(r => r.Fields),
                        o => o.WithStrictOrdering(), $"{table} rows of {child}");
            }
            fromStore.Holds("OC3").Should().BeTrue();
            fromStore.EarlierInCare.Should().BeEmpty("no return is stored before 2022-23");
            fromStore.RowsOf("Header", "102").Single()["DOB"].Should().Be("05/03/2005");
            fromStore.RowsOf("Episodes", "103").Select(r => r["DEC"]).Should().Equal("01/03/2022", "15/12/2022");
            fromStore.RowsOf("UASC", "104").Single()["DUC"].Should().BeNull();
            // Each child's latest episode is read from its Episodes rows, from the store as from the files.
            fromStore.LatestOf("103").Should().BeEquivalentTo(fromFiles.LatestOf("103"));
            fromStore.LatestOf("103")!.Dec.Should().Be(new DateOnly(2022, 12, 15));
            fromStore.LatestOf("no such child").Should().BeNull();

            // This year's return (the same children a year on) breaks several previous-year rules: the findings must be the same.
            var findings = (PreviousReturn last) => DfeBase.Return(2024).WithPreviousReturn(last).Validate()
                .Select(m => (m.File, m.Line, m.Column, m.Code, m.Message)).ToArray();
            var viaStore = findings(fromStore);
            viaStore.Select(m => m.Code).Should().Contain(["562", "502"]);
            viaStore.Should().Equal(findings(fromFiles));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
