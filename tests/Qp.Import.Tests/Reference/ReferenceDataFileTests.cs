using ClosedXML.Excel;
using Qp.Import.Reference;
using Qp.Validate;

namespace Qp.Import.Tests.Reference;

public sealed class ReferenceDataFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qp-refdata-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // ONSPD's layout (a few of its columns, in its order): a unitary, a district of a county, Scotland, Wales, Jersey, one with no grid.
    private const string Onspd = """
        pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m,osgrdind,ctry
        TS24 8AA,TS24  8AA,TS24 8AA,198001,,E99999999,E99999999,E06000001,E05008942,0,450000,530000,1,E92000001
        CB1 1AA,CB1  1AA,CB1 1AA,198001,,E10000003,E58000123,E07000008,E05002702,0,545000,258000,1,E92000001
        EH1 1AA,EH1  1AA,EH1 1AA,198001,,S99999999,S99999999,S12000036,S13002928,1,325000,673000,1,S92000003
        CF10 1AA,CF10 1AA,CF10 1AA,198001,,W99999999,W99999999,W06000015,W05001000,0,318000,176000,1,W92000004
        JE2 3AA,JE2  3AA,JE2 3AA,198001,,L99999999,L99999999,L99999999,L99999999,0,,,9,L93000001
        TS25 9ZZ,TS25 9ZZ,TS25 9ZZ,198001,,E99999999,E99999999,E06000001,E05008942,0,,,9,E92000001
        TS24 8AA,TS24  8AA,TS24 8AA,198001,,E99999999,E99999999,E06000002,E05008942,0,1,1,1,E92000001
        """;

    [Fact]
    public void The_ons_directory_keeps_grid_and_upper_tier_authority_and_leaves_out_what_no_rule_can_use()
    {
        var path = Write("ONSPD_NOV_2026_UK.csv", Onspd);
        PostcodeDirectoryFile.Recognise(["pcd", "oslaua", "oseast1m", "osnrth1m"]).Should().BeTrue();
        var read = PostcodeDirectoryFile.Read(path);

        read.Errors.Should().BeEmpty();
        read.Table.Count.Should().Be(4);
        read.Table.Find("ts248aa").Should().Be(new PostcodeInfo(450000, 530000, "E06000001"), "the first of a repeated postcode is kept, any case or spacing");
        read.Table.Find("CB1 1AA")!.Authority.Should().Be("E10000003", "a district's upper tier is its county");
        read.Table.Find("EH1 1AA")!.OutsideEngland.Should().BeTrue();
        read.Table.Find("CF10 1AA")!.Authority.Should().Be("WAL");
        read.Table.Find("JE2 3AA").Should().BeNull();
        read.Table.Find("TS25 9ZZ").Should().BeNull();
        read.Skipped.Should().Equal(
            "1 postcode(s) without a grid reference left out",
            "1 postcode(s) outside England, Scotland, Wales and Northern Ireland (or with no authority) left out",
            "1 repeated postcode(s) left out (the first is kept)");
    }

    [Fact]
    public void The_compact_table_survives_storing_as_bytes()
    {
        var b = new PostcodeTable.Builder();
        b.Add("TS24 8AA", 450000, 530000, "E06000001").Should().BeTrue();
        b.Add("EH1 1AA", 325000, 673000, "SCO").Should().BeTrue();
        b.Add("A1 1A!", 1, 1, "X").Should().BeFalse();
        var back = PostcodeTable.FromBytes(b.Build().ToBytes());
        back.Count.Should().Be(2);
        back.Find("EH11AA").Should().Be(new PostcodeInfo(325000, 673000, "SCO"));
        back.Find("TS24 8AA").Should().Be(new PostcodeInfo(450000, 530000, "E06000001"));
        FluentActions.Invoking(() => PostcodeTable.FromBytes([1, 2, 3])).Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Looking_postcodes_up_in_turn_gives_each_its_own_place()
    {
        // The table keeps its last two answers for the rules on one episode: a third postcode in between must not get them.
        var b = new PostcodeTable.Builder();
        b.Add("TS24 8AA", 450000, 530000, "E06000001");
        b.Add("EH1 1AA", 325000, 673000, "SCO");
        b.Add("CB1 1AA", 545000, 258000, "E10000003");
        var t = b.Build();
        foreach (var (pc, authority) in new[] { ("TS24 8AA", "E06000001"), ("EH1 1AA", "SCO"), ("TS24 8AA", "E06000001"), ("CB1 1AA", "E10000003"),
                     ("EH1 1AA", "SCO"), ("ZZ9 9ZZ", null), ("TS24 8AA", "E06000001"), ("ZZ9 9ZZ", null), ("CB1 1AA", "E10000003") })
            t.Find(pc)?.Authority.Should().Be(authority, pc);
        t.Find("ZZ9 9ZZ").Should().BeNull();
        PostcodeDirectory.Miles(t.Find("TS24 8AA"), t.Find("CB1 1AA")).Should().Be(179.0, "√(95,000² + 272,000²) m = 288.1 km, / 1.6093 = 179.0 miles");
    }

    [Fact]
    public void A_bad_grid_reference_or_postcode_rejects_the_directory_naming_line_and_column()
    {
        var read = PostcodeDirectoryFile.Read(Write("pc.csv", "pcd,laua,oseast1m,osnrth1m\nTS24 8AA,E06000001,45000x,530000\n,E06000001,1,1\n"));
        read.Accepted.Should().BeFalse();
        read.Errors.Select(e => (e.Line, e.Column, e.Code)).Should().Equal((2, 3, "PC03"), (3, 1, "PC02"));
        read.Table.IsEmpty.Should().BeTrue();
    }

    // The children's homes list: codes listed together, a closed home, postcodes in any spacing.
    private const string ChildrensHomes = """
        URN,Local Authority,Provider Code,Provider Placement Code,Registration date,Closed Date,Setting Postcode
        SC123456,Hartlepool,PR4,K2/K1,01/04/2010,,ts25 1aa
        SC654321,Cambridgeshire,PR5,K2,2011-05-02,01/02/2022,CB1 1AA
        """;

    [Fact]
    public void A_childrens_homes_list_in_csv_gives_codes_dates_and_postcodes()
    {
        var path = Write("childrens_homes.csv", ChildrensHomes);
        ProviderListFile.Recognise(["URN", "Local Authority", "Provider Code", "Provider Placement Code", "Setting Postcode"]).Should().BeTrue();
        ProviderListFile.Recognise(["pcd", "oslaua", "oseast1m", "osnrth1m", "urn", "placement code"]).Should().BeFalse();
        var read = ProviderListFile.Read(path);

        read.Errors.Should().BeEmpty();
        var t = new ProviderTable(read.Items);
        t.Find("sc123456").Should().BeEquivalentTo(new ProviderInfo("SC123456", ["K1", "K2"], ["PR4"], new DateOnly(2010, 4, 1), null, "TS251AA"));
        t.Find("SC654321")!.Closed.Should().Be(new DateOnly(2022, 2, 1));
        t.Find("SC654321")!.Registered.Should().Be(new DateOnly(2011, 5, 2));
    }

    [Fact]
    public void A_social_care_providers_workbook_reads_every_sheet_with_a_urn_and_joins_a_separate_address_sheet()
    {
        var path = Path.Combine(_dir, "scp.xlsx");
        using (var wb = new XLWorkbook())
        {
            var notes = wb.AddWorksheet("Notes");
            notes.Cell(1, 1).Value = "Published by Ofsted";
            var current = wb.AddWorksheet("Current providers");
            Row(current, 1, "URN", "Local authority", "Placement code", "Placement provider code", "Setting postcode");
            Row(current, 2, "SC111111", "Hartlepool", "K1", "PR5", "TS24 8AA");
            var closed = wb.AddWorksheet("Providers closed");
            Row(closed, 1, "URN", "Local authority", "Placement code", "Placement provider code", "Deregistration date", "Setting postcode");
            Row(closed, 2, "SC222222", "Hartlepool", "S1", "PR4", "", "");
            closed.Cell(2, 5).Value = new DateTime(2021, 6, 30);
            var settings = wb.AddWorksheet("Settings and Inspection Info");
            Row(settings, 1, "URN", "Provider Code", "Provider Placement Code", "Closed Date");
            Row(settings, 2, "SC333333", "PR4", "K2", "");
            var address = wb.AddWorksheet("Address Details");
            Row(address, 1, "URN", "Setting Address Postcode");
            Row(address, 2, "SC333333", "CB1 1AA");
            wb.SaveAs(path);
        }
        var read = ProviderListFile.Read(path);

        read.Errors.Should().BeEmpty();
        var t = new ProviderTable(read.Items);
        t.Count.Should().Be(3);
        t.Find("SC111111").Should().BeEquivalentTo(new ProviderInfo("SC111111", ["K1"], ["PR5"], null, null, "TS248AA"));
        t.Find("SC222222")!.Closed.Should().Be(new DateOnly(2021, 6, 30));
        t.Find("SC333333").Should().BeEquivalentTo(new ProviderInfo("SC333333", ["K2"], ["PR4"], null, null, "CB11AA"), "the address sheet says nothing about closure");
    }

    private static void Row(IXLWorksheet ws, int row, params string[] values)
    {
        for (int i = 0; i < values.Length; i++) ws.Cell(row, i + 1).Value = values[i];
    }

    [Fact]
    public void A_bad_date_or_urn_rejects_the_list_naming_file_line_and_column()
    {
        var read = ProviderListFile.Read(Write("ch.csv", "URN,Provider Code,Provider Placement Code,Closed Date\nSC1,PR4,K2,31/02/2022\nSC 2,PR4,K2,\n"));
        read.Accepted.Should().BeFalse();
        read.Items.Should().BeEmpty();
        read.Errors.Select(e => (e.File, e.Line, e.Column, e.Code)).Should().Equal(("ch.csv", 2, 4, "OF04"), ("ch.csv", 3, 1, "OF03"));
    }

    [Fact]
    public void A_list_without_any_provider_is_refused()
    {
        ProviderListFile.Read(Write("empty.csv", "URN,Provider Code,Provider Placement Code\n")).Errors.Should().ContainSingle(e => e.Code == "OF02");
    }
}
