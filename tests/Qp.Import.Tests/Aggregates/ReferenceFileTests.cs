using System.Text;
using ClosedXML.Excel;
using Qp.Domain.Results;
using Qp.Import.Aggregates;
using Qp.Import.Neighbours;
using Qp.Import.Published;
using Qp.Import.Reference;
using Qp.Tests.Shared;

namespace Qp.Import.Tests.Aggregates;

public sealed class ReferenceFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qp-ref-").FullName;
    private static readonly IReadOnlySet<string> Indicators = new HashSet<string> { "A1", "A2", "A3", "B7", "C23", "D78", "HA" };
    private static readonly IReadOnlySet<int> Authorities = new HashSet<int> { 805, 806, 807, 202 };
    private static readonly IReadOnlyList<Domain.Indicators.IndicatorDefinition> Catalogue =
        IndicatorCatalogueFile.ReadFolder(Path.Combine(RealData.RepoRoot, "templates", "indicators"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Written with a UTF-8 byte-order mark, as the DfE's files are.
    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    [Fact]
    public void Aggregate_csv_is_read_with_its_note()
    {
        var path = Write("agg.csv", """
            la_code,year,indicator,numerator,denominator,note
            805,1996,A1,31,180,""
            806,1996,a1,12,90,"estimated"
            """);
        var read = QpAggregateFile.Read(path, Indicators, Authorities);
        read.Errors.Should().BeEmpty();
        read.Items.Should().Equal(
            new AggregateFigure(ResultSource.Aggregate, AreaLevel.La, 805, null, null, 1996, "A1", 31, 180, null, null),
            new AggregateFigure(ResultSource.Aggregate, AreaLevel.La, 806, null, null, 1996, "A1", 12, 90, null, "estimated"));
    }

    [Fact]
    public void Any_bad_row_rejects_the_whole_aggregate_file_with_located_messages()
    {
        var path = Write("bad.csv", """
            la_code,year,indicator,numerator,denominator
            805,1996,A1,31,180
            999,1996,A1,40,30
            806,1996,Z9,-1,2.5
            805,1996,A1,1,2
            """);
        var read = QpAggregateFile.Read(path, Indicators, Authorities);
        read.Items.Should().BeEmpty();
        read.Errors.Select(e => e.ToString()).Should().Equal(
            "bad.csv:3:1: error AGG03: la_code 999 is not an authority in the authorities table",
            "bad.csv:3:4: error AGG06: numerator 40 is greater than denominator 30",
            "bad.csv:4:3: error AGG05: indicator 'Z9' is not in the catalogue (A1, A2, A3, B7, C23, D78, HA)",
            "bad.csv:4:4: error AGG02: numerator '-1' is not a whole number ≥ 0",
            "bad.csv:4:5: error AGG02: denominator '2.5' is not a whole number ≥ 0",
            "bad.csv:5:1: error AGG07: authority 805, year 1996 and indicator A1 already appear on line 2");
    }

    [Fact]
    public void Aggregate_xlsx_is_read_like_the_csv()
    {
        var path = Path.Combine(_dir, "agg.xlsx");
        using (var book = new XLWorkbook())
        {
            var s = book.AddWorksheet("A1");
            object[] header = ["la_code", "year", "indicator", "numerator", "denominator"];
            for (int c = 0; c < header.Length; c++) s.Cell(1, c + 1).Value = (string)header[c];
            s.Cell(2, 1).Value = 807; s.Cell(2, 2).Value = 1997; s.Cell(2, 3).Value = "A1"; s.Cell(2, 4).Value = 20; s.Cell(2, 5).Value = 100;
            s.Cell(3, 1).Value = 202; s.Cell(3, 2).Value = 1997; s.Cell(3, 3).Value = "A1"; s.Cell(3, 4).Value = 200; s.Cell(3, 5).Value = 100;
            book.SaveAs(path);
        }
        var read = QpAggregateFile.Read(path, Indicators, Authorities);
        read.Errors.Select(e => e.ToString()).Should().Equal("agg.xlsx:3:4: error AGG06: numerator 200 is greater than denominator 100");
    }

    [Fact]
    public void Ees_tidy_file_maps_breakdown_rows_and_reads_suppressed_cells_as_missing()
    {
        var path = Write("la_cla_placement_stability.csv", """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent
            2025,Reporting year,National,E92000001,England,"","",,"","",CLA on 31 March,Total children,81770,100
            2025,Reporting year,National,E92000001,England,"","",,"","",CLA on 31 March,With 3 or more placements during the year,8500,10
            2025,Reporting year,Regional,E92000001,England,E12000001,North East,,,,CLA on 31 March,Total children,4000,100
            2025,Reporting year,Regional,E92000001,England,E12000001,North East,,,,CLA on 31 March,With 3 or more placements during the year,400,10
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,Hartlepool,E06000001,CLA on 31 March,Total children,332,100
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,Hartlepool,E06000001,CLA on 31 March,With 3 or more placements during the year,31,9
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,806,Middlesbrough,E06000002,CLA on 31 March,Total children,32,100
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,806,Middlesbrough,E06000002,CLA on 31 March,With 3 or more placements during the year,c,c
            2025,Reporting year,Local authority,E92000001,England,E12000002,North West,909,Cumbria,E10000006,CLA on 31 March,Total children,z,z
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,Hartlepool,E06000001,CLA 2 years on 31 March,Total children,200,100
            """);
        PublishedStatisticsFile.MappedIndicators(Table.ReadHeaders(path), Catalogue).Should().Equal("A1", "D78");
        var read = PublishedStatisticsFile.Read(path, Catalogue, Authorities);
        read.Errors.Should().BeEmpty();
        read.Items.OrderBy(f => f.Level).ThenBy(f => f.LaCode).Select(f => (f.Level, f.LaCode, f.AreaCode, f.Indicator, f.Numerator, f.Denominator)).Should().Equal(
            (AreaLevel.La, 805, null, "A1", 31, 332),
            (AreaLevel.La, 806, null, "A1", null, 32),
            (AreaLevel.National, null, "E92000001", "A1", 8500, 81770),
            (AreaLevel.Regional, null, "E12000001", "A1", 400, 4000));
        read.Items.Should().OnlyContain(f => f.Source == ResultSource.Published && f.Year == 2025);
        read.Skipped.Should().ContainSingle().Which.Should().Contain("909");
    }

    [Fact]
    public void Ees_file_with_numerator_and_denominator_columns()
    {
        var path = Write("d3.csv", """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent
            2025,Reporting year,National,E92000001,England,"","",,"","",Child Protection Plans which are a second or subsequent plan,61840,15130,24.5
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,E06000001,Hartlepool,Child Protection Plans which are a second or subsequent plan,241,78,32.4
            2024,Reporting year,Local authority,E92000001,England,E12000007,London,202,E09000007,Camden,Child Protection Plans which are a second or subsequent plan,c,0,x
            """);
        var read = PublishedStatisticsFile.Read(path, Catalogue, Authorities);
        read.Errors.Should().BeEmpty();
        read.Items.Select(f => (f.Level, f.LaCode, f.Year, f.Indicator, f.Numerator, f.Denominator)).Should().Equal(
            (AreaLevel.National, (int?)null, 2025, "A3", (int?)15130, (int?)61840),
            (AreaLevel.La, 805, 2025, "A3", 78, 241),
            (AreaLevel.La, 202, 2024, "A3", 0, null));
    }

    [Fact]
    public void The_tools_own_ees_export_is_read_directly()
    {
        var path = Write("export.csv", """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,indicator,numerator,denominator,value
            2001,Financial year,Local authority,E92000001,England,E12000001,North East,805,E06000001,Hartlepool,A2,12,40,30.0
            2001,Financial year,Local authority,E92000001,England,E12000001,North East,806,E06000002,Middlesbrough,A2,c,8,c
            2001,Financial year,National,E92000001,England,,,,,,A2,5000,12000,41.7
            """);
        var read = PublishedStatisticsFile.Read(path, Catalogue, Authorities);
        read.Errors.Should().BeEmpty();
        read.Items.Select(f => (f.Level, f.LaCode, f.Indicator, f.Numerator, f.Denominator)).Should().Equal(
            (AreaLevel.La, (int?)805, "A2", (int?)12, (int?)40), (AreaLevel.La, 806, "A2", null, 8), (AreaLevel.National, null, "A2", 5000, 12000));
        read.Items.Should().OnlyContain(f => f.Source == ResultSource.Published);
    }

    [Fact]
    public void A_bad_count_in_a_published_file_is_located()
    {
        var path = Write("d3bad.csv", """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent
            2025,Reporting year,Local authority,E92000001,England,E12000001,North East,805,E06000001,Hartlepool,Child Protection Plans which are a second or subsequent plan,241,seventy,32.4
            """);
        PublishedStatisticsFile.Read(path, Catalogue, Authorities).Errors.Select(e => e.ToString()).Should().Equal(
            "d3bad.csv:2:13: error PUB03: CPP_subsequent 'seventy' is neither a whole number ≥ 0 nor a suppression code (c, z, x, k, low)");
    }

    [Fact]
    public void Statistical_neighbour_wide_file()
    {
        var path = Write("sn.csv", """
            old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P
            805,Hartlepool,1,North East,807,Close ,806,Very close,,
            806,Middlesbrough,1,North East,805,Close,123,Close,807,Close
            """);
        var read = StatisticalNeighbourFile.Read(path, Authorities);
        read.Errors.Select(e => e.ToString()).Should().Equal("sn.csv:3:7: error SN02: SN_2 123 is not an authority in the authorities table");
        var good = Write("sn2.csv", """
            old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P
            805,Hartlepool,1,North East,807,Close ,806,Very close,,
            """);
        StatisticalNeighbourFile.Read(good, Authorities).Items.Should().Equal(
            new Domain.Authorities.StatisticalNeighbour(805, 1, 807, "Close"), new Domain.Authorities.StatisticalNeighbour(805, 2, 806, "Very close"));
    }
}
