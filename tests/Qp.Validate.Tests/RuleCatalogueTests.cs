using Qp.Domain.Validation;

namespace Qp.Validate.Tests;

public class RuleCatalogueTests
{
    public static TheoryData<string> Codes() => new(RuleRegistry.All.Select(r => r.Code));

    [Fact]
    public void The_valid_fixture_raises_no_message_at_all()
    {
        ReturnFixture.Valid().Validate().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_rule_fires_on_its_failing_fixture_at_the_right_place_and_nothing_else_fires(string code)
    {
        var c = RuleCases.All[code];
        var fail = c.Fail();
        var messages = fail.Validate();
        string reported = Reported(code, fail.Year);

        messages.Where(m => m.Code == reported).Select(m => (m.File, m.Line, m.Column))
            .Should().Contain((c.At.File, c.At.Line, c.At.Column), "rule {0} must be located; got: {1}", code, string.Join(" | ", messages));
        // The QP-era fixtures must break only their rule; a case set of another era checks that its own valid base passes every rule
        // in force (its own test), so that its cases stay independent of rules added later by other sets.
        if (RuleCases.IsOwn(code))
            messages.Select(m => m.Code).Distinct().Should().BeSubsetOf(c.Also.Append(reported), "the fixture must break only {0}", code);
        messages.First(m => m.Code == reported).Severity.Should().Be(RuleRegistry.Find(code)!.Severity);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_rule_is_silent_on_its_passing_fixture(string code)
    {
        var pass = RuleCases.All[code].Pass();
        var messages = pass.Validate();
        messages.Should().NotContain(m => m.Code == Reported(code, pass.Year), "the passing fixture of {0} must not fire it", code);
    }

    // In the DfE's years a finding of a rule the DfE also has carries the DfE's code.
    private static string Reported(string code, int year) =>
        year >= Rules.Dfe.DfeTables.FirstYear && RuleRegistry.Find(code)!.DfeCode is { } dfe ? dfe : code;

    [Fact]
    public void Every_registered_rule_has_a_failing_and_a_passing_fixture_and_every_fixture_is_a_registered_rule()
    {
        RuleCases.All.Keys.Should().BeEquivalentTo(RuleRegistry.All.Select(r => r.Code));
    }

    [Fact]
    public void The_catalogue_has_at_least_40_rules_with_unique_codes_numbered_by_table()
    {
        var all = RuleRegistry.All;
        all.Count.Should().BeGreaterThanOrEqualTo(40);
        all.Select(r => r.Code).Should().OnlyHaveUniqueItems();
        // The tool's own rules are numbered E/W + table hundreds; a rule ported from the DfE's catalogue with no own
        // counterpart keeps the DfE's code as its code (e.g. 103, 1001, 503D).
        foreach (var r in all.Where(r => r.DfeCode is null || r.Code != r.DfeCode))
        {
            r.Code.Should().MatchRegex("^[EW][0-7][0-9]{2}$");
            (r.Code[0] == 'E').Should().Be(r.Severity == Severity.Error, r.Code);
            var expectedTable = r.Code[1] switch { '0' => "file", '1' => "Header", '2' => "Episodes", '3' => "OC1", '4' => "OC2", '5' => "CPR", '6' => "cross-table", _ => "previous" };
            r.Table.Should().Be(expectedTable, r.Code);
            r.Description.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Messages_never_quote_child_identifiers()
    {
        // Every failing fixture's messages are scanned for the identifying values the fixtures use (CHILD ids, UPN, dates of birth, postcodes).
        string[] identifiers = ["1001", "1002", "7007", "3003", "A12345678901A", "01/05/1990", "15/08/1984", "03/03/1995", "01/02/2000", "TS24 8", "TS25 1", "TS26 9",
            "NOT A POSTCODE", "12345", "31/02/1990", "01/05/1980"];
        foreach (var c in RuleCases.All.Values)
            foreach (var m in c.Fail().Validate())
                foreach (var id in identifiers)
                    m.Message.Should().NotContain(id, "{0} must not quote identifiers: {1}", m.Code, m);
    }
}
