namespace Qp.Validate.Tests.Dfe;

public class DfeBaseTests
{
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_modern_base_return_passes_every_rule_in_force_in_its_year(int year)
    {
        DfeFixtures.Base(year).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Every_DfE_coded_rule_of_this_helper_has_years_and_a_case_in_a_DfE_year()
    {
        // Each DfE unit is in force from 2022-23 at the latest and is exercised by a case on a modern base return.
        foreach (var r in RuleRegistry.All.Where(r => r.DfeCode is not null && r.Code == r.DfeCode))
        {
            r.Years.From.Should().NotBeNull(r.Code);
            r.Years.From!.Value.Should().BeGreaterThanOrEqualTo(2023, r.Code);
        }
    }
}
