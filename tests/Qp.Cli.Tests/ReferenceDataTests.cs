namespace Qp.Cli.Tests;

/// <summary>Reference data for the DfE's rules end to end: the sample's synthetic postcode directory and provider list, imported and used.</summary>
public class ReferenceDataTests
{
    private static (string Return, string Postcodes, string Providers) Sample(TempDir t)
    {
        var outDir = t.File("sample");
        QpRunner.Run("sample", "--out", outDir, "--years", "2023", "--la", "805", "--aggregate-years", "none").ExitCode.Should().Be(0);
        var reference = Path.Combine(outDir, "reference");
        return (Path.Combine(outDir, "805_2023"), Path.Combine(reference, "SYNTHETIC-onspd-postcodes.csv"), Path.Combine(reference, "SYNTHETIC-ofsted-providers.csv"));
    }

    // The first Episodes row with a URN gets one Ofsted does not list; returns its line.
    private static int BreakUrn(string ret)
    {
        var path = Path.Combine(ret, "Episodes.csv");
        var lines = File.ReadAllLines(path);
        int i = Array.FindIndex(lines, 1, l => l.Split(',')[12].StartsWith("SC", StringComparison.Ordinal));
        var f = lines[i].Split(',');
        f[12] = "SC000001";
        lines[i] = string.Join(',', f);
        File.WriteAllLines(path, lines);
        return i + 1;
    }

    [Fact]
    public void Sample_reference_files_are_imported_and_the_urn_rules_use_them_in_validate()
    {
        using var t = new TempDir();
        var (ret, postcodes, providers) = Sample(t);
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(postcodes)!, "README.txt")).Should().Contain("SYNTHETIC");
        int line = BreakUrn(ret);
        var db = t.File("qp.db");

        QpRunner.Run("validate", ret).Out.Should().NotContain("error 1008", "without provider lists the URN rules are silent");

        var import = QpRunner.Run("import", "--db", db, postcodes, providers);
        import.ExitCode.Should().Be(0, import.Error);
        import.Out.Should().MatchRegex(@"SYNTHETIC-ofsted-providers\.csv: Ofsted provider lists: [\d,]+ providers \(0 closed\), replacing the stored lists")
            .And.MatchRegex(@"SYNTHETIC-onspd-postcodes\.csv: postcode directory: [\d,]+ postcodes, replacing the stored directory");

        QpRunner.Run("validate", "--db", db, ret).Out.Should().Contain($"Episodes.csv:{line}:13: error 1008: URN is not in Ofsted's provider lists");
    }

    [Fact]
    public void A_bad_provider_list_is_rejected_and_the_stored_lists_stay()
    {
        using var t = new TempDir();
        var (ret, _, providers) = Sample(t);
        int line = BreakUrn(ret);
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, providers).ExitCode.Should().Be(0);
        var bad = t.File("childrens_homes.csv");
        File.WriteAllText(bad, "URN,Provider Code,Provider Placement Code,Closed Date\nSC000001,PR4,K2,\nSC1,PR4,K2,1 March 2022\n");

        var run = QpRunner.Run("import", "--db", db, bad);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("childrens_homes.csv:3:4: error OF04").And.Contain("the database is unchanged");
        // SC000001 is in the rejected file only: the stored lists are still the sample's, so it is still unknown.
        QpRunner.Run("validate", "--db", db, ret).Out.Should().Contain($"Episodes.csv:{line}:13: error 1008");
    }

    [Theory]
    [InlineData("providers.csv", "URN,Provider Name\nSC000001,Home\n", "providers.csv:1:0: error OF02: not a provider list the DfE's rules can use")]
    [InlineData("postcodes.csv", "pcds,lat,long\nTS24 8AA,54.6,-1.2\n", "postcodes.csv:1:1: error PC01: not a postcode directory: the header needs pcd (or pcds, pcd2), oslaua")]
    public void A_reference_file_missing_a_column_is_named_as_such_not_taken_for_a_return(string name, string content, string expected)
    {
        // Before, both were refused as "not a child-level return", which told the user nothing about the missing columns.
        using var t = new TempDir();
        var file = t.File(name);
        File.WriteAllText(file, content);

        var run = QpRunner.Run("import", "--db", t.File("qp.db"), file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain(expected).And.Contain($"{name}: rejected with 1 error(s); the database is unchanged").And.NotContain("child-level");
    }

    [Fact]
    public void An_episodes_file_with_its_URN_column_is_still_no_provider_list()
    {
        using var t = new TempDir();
        var file = t.File("Episodes.csv");
        File.WriteAllText(file, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,01/04/2023,S,C2,N1,U1,PR1,,,,,,SC1\n");
        var run = QpRunner.Run("import", "--db", t.File("qp.db"), file);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("not a child-level return").And.NotContain("OF02");
    }
}
