using ClosedXML.Excel;
using Qp.Domain.Authorities;
using Qp.Domain.Results;

namespace Qp.Render.Excel.Tests;

public class CellTextTests
{
    [Fact]
    public void Characters_xml_cannot_hold_are_replaced_and_the_rest_kept()
    {
        CellText.Clean("a\u0001b\u001Fc").Should().Be("a\uFFFDb\uFFFDc");
        CellText.Clean("tab\there\nline\r").Should().Be("tab\there\nline\r");
        CellText.Clean("😀 \uD800x").Should().Be("😀 \uFFFDx");
    }

    [Fact]
    public void Ampersands_are_doubled_in_footers_and_escapes_are_escaped_in_shared_strings()
    {
        CellText.ForHeaderFooter("Brighton & Hove").Should().Be("Brighton && Hove");
        StreamedSheet.EscapeUnderscores("a_x0041_b").Should().Be("a_x005F_x0041_b");
    }

    [Fact]
    public void Names_starting_with_a_tab_or_carriage_return_stay_text()
    {
        using var store = new TestStore().With(
            [new Authority(1, "E1", "\t=1+1", "R", "T"), new Authority(2, "E2", "\r=2+2", "R", "T"), new Authority(3, "E3", "x_x0041_", "R", "T")],
            [],
            new[] { 1, 2, 3 }.Select(la => new IndicatorResult { Indicator = "A1", LaCode = la, Year = 2001, Source = ResultSource.ChildLevel, Numerator = 10, Denominator = 100, Value = 10 }),
            []);
        using var wb = Book.Open(store);
        foreach (var sheet in new[] { "Summary", "A1", "Data" })
        {
            var cells = wb.Worksheet(sheet).Column(2).CellsUsed().Where(c => c.GetString().Contains("=1+1") || c.GetString().Contains("=2+2")).ToList();
            cells.Should().NotBeEmpty(sheet);
            cells.Should().OnlyContain(c => c.DataType == XLDataType.Text && !c.HasFormula, sheet);
            cells.Select(c => c.GetString().TrimStart('\t', '\r', '\n')).Distinct().Should().BeEquivalentTo(["=1+1", "=2+2"], sheet);
        }
        // The streamed Data sheet stores every name as ClosedXML stores it on the other sheets (a literal "_x0041_"
        // escaped as "_x005F_x0041_"), except that it keeps a carriage return, which ClosedXML's own cells turn into a line feed.
        var summary = wb.Worksheet("Summary");
        var names = summary.Column(2).CellsUsed().Where(c => c.Address.RowNumber > Book.HeaderRow(summary) + 1).Select(c => c.GetString());
        wb.Worksheet("Data").Column(2).CellsUsed().Skip(1).Select(c => c.GetString()).Where(n => n != "England").Distinct()
            .Select(n => n.Replace('\r', '\n')).Should().BeEquivalentTo(names);
    }
}
