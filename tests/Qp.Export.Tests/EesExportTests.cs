using Qp.Domain.Results;
using Qp.Store;
using static Qp.Export.Tests.ExportFixture;

namespace Qp.Export.Tests;

public sealed class EesExportTests : IDisposable
{
    private readonly ExportFixture f = new();

    public EesExportTests() =>
        f.Store(
        [
            Result("A1", 202, 2001, 9, 50, 18.0) with { RegionAverage = 18.0 },
            Result("B7", 202, 2001, null, null, null),
            Result("A1", 805, 2001, 12, 97, 100.0 * 12 / 97) with { RegionAverage = 100.0 * 19 / 137 },
            Result("B7", 805, 2001, 60, 80, 75.0) with { RegionAverage = 75.0 },
            Result("A1", 806, 2001, 7, 40, 17.5) with { RegionAverage = 100.0 * 19 / 137 },
        ],
        [
            new NationalResult { Indicator = "A1", Year = 2001, Numerator = 28, Denominator = 187, Value = 100.0 * 28 / 187 },
            new NationalResult { Indicator = "B7", Year = 2001, Numerator = 60, Denominator = 80, Value = 75.0 },
        ]);

    public void Dispose() => f.Dispose();

    private string Export(int? la = null) =>
        Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_($"ees-{la}.csv"), ExportFormat.Ees, false, la, []), DateTimeOffset.UtcNow).OutPath;

    [Fact]
    public void Has_exactly_the_dfe_columns()
    {
        PlainCsv.Header(Export()).Should().Equal(
            "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name",
            "old_la_code", "new_la_code", "la_name", "indicator", "numerator", "denominator", "value");
    }

    [Fact]
    public void Every_authority_row_carries_its_stored_numerator_and_denominator()
    {
        var rows = PlainCsv.Read(Export());
        var local = rows.Where(r => r["geographic_level"] == "Local authority").ToList();
        var stored = ResultsStore.ForYear(f.Conn, 2001);
        local.Should().HaveCount(stored.Count);
        foreach (var r in stored)
        {
            var row = local.Single(x => x["old_la_code"] == r.LaCode.ToString() && x["indicator"] == r.Indicator);
            row["numerator"].Should().Be(r.Numerator?.ToString() ?? "");
            row["denominator"].Should().Be(r.Denominator?.ToString() ?? "");
            (row["time_period"], row["time_identifier"], row["country_code"], row["country_name"])
                .Should().Be(("2001", "Reporting year", "E92000001", "England"));
        }
        var hartlepool = local.First(r => r["old_la_code"] == "805");
        (hartlepool["new_la_code"], hartlepool["la_name"], hartlepool["region_code"], hartlepool["region_name"], hartlepool["value"])
            .Should().Be(("E06000001", "Hartlepool", "E12000001", "North East", "12.4"));
    }

    [Fact]
    public void National_and_regional_rows_come_from_stored_figures()
    {
        var rows = PlainCsv.Read(Export());
        rows.Select(r => r["geographic_level"]).Distinct().Should().Equal("National", "Regional", "Local authority");

        var nationalA1 = rows.Single(r => r["geographic_level"] == "National" && r["indicator"] == "A1");
        (nationalA1["numerator"], nationalA1["denominator"], nationalA1["value"], nationalA1["region_code"], nationalA1["old_la_code"])
            .Should().Be(("28", "187", "15.0", "", "")); // 100·28/187 = 14.97…

        // North East A1: Hartlepool 12/97 + Middlesbrough 7/40 = 19/137; stored region average 100·19/137 = 13.87… → 13.9.
        var northEastA1 = rows.Single(r => r["geographic_level"] == "Regional" && r["region_code"] == "E12000001" && r["indicator"] == "A1");
        (northEastA1["region_name"], northEastA1["numerator"], northEastA1["denominator"], northEastA1["value"])
            .Should().Be(("North East", "19", "137", "13.9"));
        // London B7: Camden's only row is missing, so the region has no counts and no value.
        var londonB7 = rows.Single(r => r["geographic_level"] == "Regional" && r["region_code"] == "E12000007" && r["indicator"] == "B7");
        (londonB7["numerator"], londonB7["denominator"], londonB7["value"]).Should().Be(("", "", ""));
        rows.Where(r => r["geographic_level"] == "Regional").Select(r => r["region_code"]).Distinct()
            .Should().Equal("E12000001", "E12000007");
    }

    [Fact]
    public void La_filter_writes_only_that_authoritys_rows()
    {
        var rows = PlainCsv.Read(Export(806));
        rows.Should().ContainSingle();
        (rows[0]["geographic_level"], rows[0]["old_la_code"], rows[0]["numerator"], rows[0]["denominator"], rows[0]["value"])
            .Should().Be(("Local authority", "806", "7", "40", "17.5"));
    }
}
