using System.Text.Json;
using Qp.Domain.Results;
using static Qp.Export.Tests.ExportFixture;

namespace Qp.Export.Tests;

public sealed class FormulaTests : IDisposable
{
    private static readonly string[] HostileNames = ["=cmd|' /C calc'!A0", "+1", "@x", "-2+3", "\tTabbed", "\rReturn"];

    private readonly ExportFixture f = new(HostileNames.Select((n, i) => new Qp.Domain.Authorities.Authority(900 + i, $"E0600009{i}", n, "London", "London borough")).ToList());

    public FormulaTests() =>
        f.Store(HostileNames.Select((_, i) => Result("A1", 900 + i, 2001, 10, 40, 25.0)).ToList(),
            [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 60, Denominator = 240, Value = 25.0 }]);

    public void Dispose() => f.Dispose();

    [Theory]
    [InlineData(ExportFormat.Csv, "la_name")]
    [InlineData(ExportFormat.Ees, "la_name")]
    public void Formula_like_names_are_written_as_text_in_csv(ExportFormat format, string column)
    {
        var result = Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_($"{format}.csv"), format, false, null, []), DateTimeOffset.UtcNow);
        var names = PlainCsv.Read(result.OutPath).Select(r => r[column]).Where(n => n.Length > 0).ToList();
        names.Should().Equal(HostileNames.Select(n => "'" + n));
        names.Should().OnlyContain(n => !"=+-@\t\r".Contains(n[0]));
    }

    [Fact]
    public void Formula_like_names_are_neutralised_in_json_and_numbers_stay_numbers()
    {
        var result = Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_("out.json"), ExportFormat.Json, false, null, []), DateTimeOffset.UtcNow);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(result.OutPath));
        doc.RootElement.EnumerateArray().Select(r => r.GetProperty("la_name").GetString()).Should().Equal(HostileNames.Select(n => "'" + n));
        doc.RootElement[0].GetProperty("value").ValueKind.Should().Be(JsonValueKind.Number);
        File.ReadAllText(result.OutPath).Should().Contain("\"la_name\": \"'+1\"", "the escaping stays readable");
    }

    [Fact]
    public void Negative_numbers_are_written_as_numbers_not_neutralised()
    {
        using var ms = new MemoryStream();
        CsvTableWriter.Write(ms, new ExportTable(["n", "t"], [[Cell.Of(-1.5m), Cell.Of("-1.5")]]));
        // The number stays -1.5; the same characters as text get the quote.
        System.Text.Encoding.UTF8.GetString(ms.ToArray()).Should().Be("n,t\r\n-1.5,'-1.5\r\n");
    }
}
