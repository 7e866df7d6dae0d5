using Qp.Domain.Validation;

namespace Qp.Validate.Tests;

public class RulesByYearTests
{
    [Fact]
    public void Years_in_force_include_both_ends_and_read_as_collection_years()
    {
        var r = YearsInForce.Between(2023, 2026);
        r.Contains(2022).Should().BeFalse();
        r.Contains(2023).Should().BeTrue();
        r.Contains(2026).Should().BeTrue();
        r.Contains(2027).Should().BeFalse();
        r.ToString().Should().Be("2022-23 to 2025-26");
        YearsInForce.Since(2025).ToString().Should().Be("from 2024-25");
        YearsInForce.Until(2003).ToString().Should().Be("up to 2002-03");
        YearsInForce.Always.ToString().Should().Be("all years");
        YearsInForce.Since(2025).Contains(1998).Should().BeFalse();
        YearsInForce.Until(2003).Contains(1998).Should().BeTrue();
    }

    [Fact]
    public void Sex_codes_change_in_2024_25()
    {
        Codes.Sex.In(2024).Should().BeEquivalentTo(["1", "2"]);
        Codes.Sex.In(2025).Should().BeEquivalentTo(["M", "F", "U"]);
        Codes.Sex.Contains("m", 2025).Should().BeTrue("codes are case-insensitive");
        Codes.Sex.Describe().Should().Be("1 2 (up to 2023-24); M F U (from 2024-25)");
    }

    [Fact]
    public void Placement_codes_Q1_Q2_are_legacy_and_Z11_to_Z14_arrive_in_2025_26()
    {
        Codes.Place.Contains("Q1", 2001).Should().BeTrue();
        Codes.Place.Contains("Q2", 2003).Should().BeTrue();
        Codes.Place.Contains("Q1", 2004).Should().BeFalse();
        Codes.Place.Contains("Z11", 2025).Should().BeFalse();
        Codes.Place.Contains("Z14", 2026).Should().BeTrue();
        Codes.Place.Contains("U4", 2026).Should().BeTrue();
    }

    private static List<ValidationMessage> Check(string rule, int year, string sex)
    {
        var messages = new List<ValidationMessage>();
        var ctx = new RuleContext(year, ReturnFixture.Today, messages.Add);
        var loc = new Location("Header.csv", 2, 0);
        var values = new string?[] { "1001", sex, "01/05/2010", "WBRI", null, null, null };
        var at = values.Select((_, i) => loc with { Column = i + 1 }).ToArray();
        var row = new SourceRow(Tables.Header, loc, values, at);
        foreach (var r in RuleRegistry.InForce(year).RowRules[Tables.Header].Where(r => r.Code == rule)) r.Apply(row, ctx);
        return messages;
    }

    [Fact]
    public void The_sex_rule_uses_the_code_list_of_the_returns_year()
    {
        Check("E102", 2024, "1").Should().BeEmpty();
        Check("E102", 2025, "M").Should().BeEmpty();
        var old = Check("E102", 2025, "1");
        old.Should().ContainSingle().Which.Message.Should().Be("SEX '1' is not a valid code in 2024-25");
        old[0].Column.Should().Be(2);
        Check("E102", 2001, "M").Should().ContainSingle().Which.Message.Should().Be("SEX 'M' is not a valid code in 2000-01");
        Check("E102", 2001, "9").Should().ContainSingle().Which.Message.Should().Be("SEX '9' is not a valid code");
    }

    [Fact]
    public void A_year_applies_only_the_rules_in_force_then()
    {
        foreach (int year in new[] { 1998, 2001, 2016, 2023, 2026 })
        {
            var set = RuleRegistry.InForce(year);
            set.All.Should().OnlyContain(r => r.Years.Contains(year));
            set.All.Count.Should().Be(RuleRegistry.All.Count(r => r.Years.Contains(year)));
            set.ChildRules.Should().OnlyContain(r => r.Years.Contains(year));
            set.RowRules.Values.SelectMany(r => r).Should().OnlyContain(r => r.Years.Contains(year));
        }
        RuleRegistry.InForce(2026).Should().BeSameAs(RuleRegistry.InForce(2026), "a year's set is built once");
    }

    [Theory]
    [InlineData("W605", 2004, 2005)]
    [InlineData("W606", 2022, 2023)]
    [InlineData("E407", 2022, 2023)]
    public void QP_era_rules_that_the_DfE_replaced_stop_in_its_years(string code, int last, int first)
    {
        RuleRegistry.InForce(last).All.Select(r => r.Code).Should().Contain(code);
        RuleRegistry.InForce(first).All.Select(r => r.Code).Should().NotContain(code);
    }
}
