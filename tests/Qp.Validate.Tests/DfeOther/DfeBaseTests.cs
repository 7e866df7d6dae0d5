namespace Qp.Validate.Tests.DfeOther;

public class DfeBaseTests
{
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void The_modern_base_return_passes_every_rule_in_force_in_its_year(int year)
    {
        var messages = DfeBase.Return(year).Validate();
        // W605 (qp's own: the A2 cohort should have an OC1 row) is a QP-era check that still fires on child 102, who left care at 17.
        messages.Where(m => m.Code != "W605").Should().BeEmpty("the base of {0} must be valid; got: {1}", year, string.Join(" | ", messages));
    }
}
