using Qp.Domain.Results;
using static Qp.Export.Tests.ExportFixture;

namespace Qp.Export.Tests;

public sealed class DisclosureTests : IDisposable
{
    private readonly ExportFixture f = new(
    [
        new(801, "E06000023", "Bristol, City of", "South West", "Unitary authority"),
        new(802, "E06000024", "North Somerset", "South West", "Unitary authority"),
        new(803, "E06000025", "South Gloucestershire", "South West", "Unitary authority"),
        new(805, "E06000001", "Hartlepool", "North East", "Unitary authority"),
        new(806, "E06000002", "Middlesbrough", "North East", "Unitary authority"),
        new(807, "E06000003", "Redcar and Cleveland", "North East", "Unitary authority"),
        new(808, "E06000004", "Stockton-on-Tees", "North East", "Unitary authority"),
    ]);

    public DisclosureTests()
    {
        static IndicatorResult R(int la, int num, int den) => Result("A1", la, 2001, num, den, 100.0 * num / den) with
        {
            Ci95Lower = 1.0, Ci95Upper = 50.0, Rank = la - 800, QuartileBand = "B", VsEngland = VsEngland.Similar,
            TargetValue = 16, TargetStatus = TargetStatus.NotMet,
        };
        // The edge cases of SPEC §6: numerators 0, 1, 5, 6 (denominator 20); denominators 9 and 10 (numerator 6).
        f.Store(
            [R(801, 0, 20), R(802, 1, 20), R(803, 5, 20), R(805, 6, 20), R(806, 6, 9), R(807, 6, 10), R(808, 7, 14)],
            [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 31, Denominator = 113, Value = 100.0 * 31 / 113 }]);
    }

    public void Dispose() => f.Dispose();

    private List<Dictionary<string, string>> Export(ExportFormat format, bool publish, int? la = null) =>
        PlainCsv.Read(Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_($"out-{format}-{publish}-{la}.csv"), format, publish, la, []), DateTimeOffset.UtcNow).OutPath);

    [Theory]
    // la, numerator, value shown: 0/20 → nothing hidden (0 is not 1–5); 1/20 and 5/20 → count and percentage hidden;
    // 6/20 → nothing hidden; 6/9 → percentage hidden (denominator under 10) and its numerator with it; 6/10 → nothing hidden.
    [InlineData(801, "0", "0.0")]
    [InlineData(802, "c", "c")]
    [InlineData(803, "c", "c")]
    [InlineData(805, "6", "30.0")]
    [InlineData(806, "c", "c")]
    [InlineData(807, "6", "60.0")]
    public void Published_csv_hides_small_numerators_and_percentages_of_small_denominators(int la, string numerator, string value)
    {
        var row = Export(ExportFormat.Csv, publish: true).Single(r => r["la_code"] == la.ToString());
        row["numerator"].Should().Be(numerator);
        row["value"].Should().Be(value);
        row["denominator"].Should().NotBe("c", "denominators are shown");
        // Everything that would reveal a hidden percentage goes with it.
        foreach (var col in new[] { "ci95_lower", "ci95_upper", "vs_england", "rank", "quartile_band", "target_status" })
            (row[col] == "c").Should().Be(value == "c", col);
        row["target"].Should().Be("16.0");
        // A published England percentage is worked out from the rounded counts: 100·30/110 = 27.27… (the true 31/113 is 27.43…).
        row["england_value"].Should().Be("27.3");
    }

    [Fact]
    public void Unpublished_export_is_never_suppressed()
    {
        var rows = Export(ExportFormat.Csv, publish: false);
        rows.SelectMany(r => r.Values).Should().NotContain("c");
        rows.Single(r => r["la_code"] == "802")["numerator"].Should().Be("1");
        rows.Single(r => r["la_code"] == "806")["value"].Should().Be("66.7"); // 100·6/9 = 66.67
    }

    [Fact]
    public void Published_ees_rounds_national_and_regional_counts_to_ten_and_suppresses_authorities()
    {
        var rows = Export(ExportFormat.Ees, publish: true);
        var national = rows.Single(r => r["geographic_level"] == "National");
        // 31 → 30, 113 → 110; the percentage is worked out from the rounded counts, 100·30/110 = 27.27… → 27.3
        // (from the true counts, 27.43…, with every denominator published, it would give the exact total away).
        (national["numerator"], national["denominator"], national["value"]).Should().Be(("30", "110", "27.3"));

        var northEast = rows.Single(r => r["geographic_level"] == "Regional" && r["region_name"] == "North East");
        // 6+6+6+7 = 25 → 30 (half away from zero); 20+9+10+14 = 53 → 50.
        (northEast["numerator"], northEast["denominator"], northEast["value"]).Should().Be(("30", "50", "60.0"));
        var southWest = rows.Single(r => r["geographic_level"] == "Regional" && r["region_name"] == "South West");
        // 0+1+5 = 6 → 10; 20+20+20 = 60.
        (southWest["numerator"], southWest["denominator"], southWest["value"]).Should().Be(("10", "60", "16.7"));

        var bristol2 = rows.Single(r => r["old_la_code"] == "802");
        (bristol2["numerator"], bristol2["value"]).Should().Be(("c", "c"));
        rows.Single(r => r["old_la_code"] == "806")["value"].Should().Be("c");
        // 6 of 9: the hidden percentage would follow from numerator and denominator, so the numerator goes too.
        rows.Single(r => r["old_la_code"] == "806")["numerator"].Should().Be("c");
        rows.Single(r => r["old_la_code"] == "807")["numerator"].Should().Be("6", "authority counts are not rounded");
    }

    [Fact]
    public void Manifest_lists_the_rules_only_when_applied()
    {
        var published = Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_("p.csv"), ExportFormat.Csv, true, null, []), DateTimeOffset.UtcNow);
        var plain = Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_("q.csv"), ExportFormat.Csv, false, null, []), DateTimeOffset.UtcNow);
        using var p = System.Text.Json.JsonDocument.Parse(File.ReadAllText(published.ManifestPath));
        using var q = System.Text.Json.JsonDocument.Parse(File.ReadAllText(plain.ManifestPath));
        p.RootElement.GetProperty("disclosure_control").GetProperty("applied").GetBoolean().Should().BeTrue();
        p.RootElement.GetProperty("disclosure_control").GetProperty("rules").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(Qp.Domain.Disclosure.DisclosureControl.Rules);
        q.RootElement.GetProperty("disclosure_control").GetProperty("applied").GetBoolean().Should().BeFalse();
        q.RootElement.GetProperty("disclosure_control").GetProperty("rules").GetArrayLength().Should().Be(0);
    }
}
