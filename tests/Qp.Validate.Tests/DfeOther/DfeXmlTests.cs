namespace Qp.Validate.Tests.DfeOther;

/// <summary>
/// Fixtures of the DfE's rules on the UASC flag of an XML return's HEADER (105, 303): <see cref="DfeBase"/> for 2022-23 written in
/// the DfE's XML (<see cref="ReturnFixture.AsXml"/>) with the flag given for every child (1 for 104, the UASC child; 0 for the others).
/// One element a line: child 101's flag is on line 12 and 104's on line 139.
/// </summary>
public sealed class DfeXmlCases : IRuleCaseSet
{
    /// <summary>The base return as XML with the flags from Header's UASC column (0 unless changed).</summary>
    public static ReturnFixture Xml(string flag101 = "0", string flag104 = "1") =>
        DfeBase.Return(2023).AddColumn("Header", "UASC", "0").Set("Header", 2, "UASC", flag101).Set("Header", 5, "UASC", flag104).AsXml();

    private static Location At(int line) => new("805_2023.xml", line, 2);

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        new("105", () => Xml(flag101: "2"), At(12), () => Xml()),
        // 104 ceased to be UASC on 01/01/2023 but HEADER says 0; said 1, the same DUC passes.
        new("303", () => Xml(flag104: "0").Set("UASC", 2, "DUC", "01/01/2023"), At(139), () => Xml().Set("UASC", 2, "DUC", "01/01/2023")),
    ];
}

public class DfeXmlTests
{
    [Fact]
    public void The_base_return_written_in_the_DfEs_XML_passes_every_rule_as_its_CSV_files_do()
    {
        // A flag of 0 is no UASC row: written with one, a child of 10 (101) was taken for UASC and failed 231 from 2024-25.
        foreach (int year in Enumerable.Range(2023, 5))
        {
            DfeBase.Return(year).Validate().Should().BeEmpty($"{year}'s CSV files");
            DfeBase.Return(year).AsXml().Validate().Should().BeEmpty($"{year}'s XML");
        }
    }

    [Fact]
    public void Rule_105_reads_the_flag_only_in_XML_and_wants_it_given()
    {
        Found(DfeXmlCases.Xml(flag101: "")).Should().Equal(("105", 12, "UASC is blank"));
        Found(DfeXmlCases.Xml(flag101: "Y")).Should().Equal(("105", 12, "UASC 'Y' is not 0 or 1"));
        // A CSV Header may carry the column too: the DfE's CSV says UASC with the UASC table, so the flag is not checked there.
        DfeBase.Return(2023).AddColumn("Header", "UASC", "Y").Validate().Should().BeEmpty();
    }

    [Fact]
    public void Rule_303_needs_the_flag_given_so_a_CSV_return_without_it_passes()
    {
        Found(DfeXmlCases.Xml(flag104: "").Set("UASC", 2, "DUC", "01/01/2023")).Should().Contain(("303", 139, "DUC is given but the UASC flag is blank"));
        DfeBase.Return(2023).Set("UASC", 2, "DUC", "01/01/2023").Validate().Should().BeEmpty();
        DfeBase.Return(2023).AddColumn("Header", "UASC", "0").Set("UASC", 2, "DUC", "01/01/2023").Validate().Select(m => (m.Code, m.File, m.Line, m.Column))
            .Should().Equal(("303", "Header.csv", 5, 8));
    }

    private static IEnumerable<(string Code, int Line, string Message)> Found(ReturnFixture f) => f.Validate().Select(m => (m.Code, m.Line, m.Message));
}
