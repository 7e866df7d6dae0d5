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

public class DfeMessagePrivacyTests
{
    [Fact]
    public void Messages_of_the_DfE_rules_never_quote_a_childs_identifier_or_date_of_birth()
    {
        // The base's CHILD ids, UPNs and dates of birth (2022-23 and shifted), and the ids and DOBs the cases add.
        string[] ids = ["101", "102", "103", "104", "109", "A12345678901B", "A12345678902B", "A12345678903B"];
        string[] dobs = ["10/06/2012", "05/03/2005", "01/06/2019", "01/09/2006"];
        foreach (var c in DfeOtherCases.Cases)
        {
            var fx = c.Fail();
            // Dates of birth as this fixture's year writes them.
            var all = ids.Concat(dobs.Select(d => DfeBase.Shift(d, fx.Year - 2023))).ToArray();
            foreach (var m in fx.Validate().Where(m => m.Code == c.Code))
                foreach (var id in all)
                    m.Message.Should().NotContain(id, "{0} must not quote identifiers: {1}", m.Code, m);
        }
    }
}
