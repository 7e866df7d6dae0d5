using Qp.Cli.Commands;
using Qp.Domain.Validation;
using Qp.Import.ChildLevel;
using Qp.Import.Reference;
using Qp.Sample;
using Qp.Validate;

namespace Qp.Cli.Tests;

/// <summary>qp sample's returns of the DfE's years validate cleanly against the SYNTHETIC reference data written with them.</summary>
public class SampleReferenceTests
{
    [Fact]
    public void Returns_of_authorities_sharing_a_postcode_area_are_accepted_against_their_own_synthetic_reference_data()
    {
        using var t = new TempDir();
        var all = AuthoritiesFile.Read(Templates.AuthoritiesCsv);
        // Eight authorities whose homes lie in postcode area DT at England scale (seed 1): before each authority's placements had
        // postcodes and URNs of their own, their own provision shared postcodes and URNs, and 229 fired.
        var las = all.Where(a => a.Code is 211 or 302 or 392 or 807 or 822 or 883 or 890 or 943).ToList();
        las.Should().HaveCount(8);
        var outDir = t.File("sample");
        SampleGenerator.Generate(outDir, las, new SampleOptions([2023, 2024], SampleScale.England, 1, AggregateYears: []));
        var files = SampleReference.Write(outDir, las);
        files.Should().HaveCount(2);

        var postcodes = PostcodeDirectoryFile.Read(files[0]);
        var providers = ProviderListFile.Read(files[1]);
        postcodes.Errors.Should().BeEmpty();
        providers.Errors.Should().BeEmpty();
        var providerTable = new ProviderTable(providers.Items);

        var messages = new List<string>();
        int ownProvisionChecked = 0;
        foreach (var la in las)
        {
            foreach (int year in new[] { 2023, 2024 })
            {
                var ret = Submission.Find(Path.Combine(outDir, $"{la.Code}_{year}")).Single();
                var last = year == 2024 ? PreviousReturns.FromFiles(Submission.Find(Path.Combine(outDir, $"{la.Code}_2023")).Single(), 2023) : null;
                using (PostcodeDirectory.Use(postcodes.Table, la.OnsCode))
                using (ProviderDirectory.Use(providerTable))
                {
                    var report = SubmissionReader.Validate(ret, year, new DateOnly(2025, 6, 30), last, everyMessage: true);
                    messages.AddRange(report.Messages.Where(m => m.Severity == Severity.Error).Select(m => $"{la.Code}_{year}/{m.File}:{m.Line}: {m.Code} {m.Message}"));
                }
                // The rules have something to check: own provision whose provider the lists place in an authority.
                foreach (var row in File.ReadLines(Path.Combine(outDir, $"{la.Code}_{year}", "Episodes.csv")).Skip(1).Select(l => l.Split(',')))
                    if (row[6] == "PR1" && providerTable.Find(row[12]) is { } p && p.AuthorityOf(postcodes.Table) == la.OnsCode) ownProvisionChecked++;
            }
        }
        messages.Should().BeEmpty();
        ownProvisionChecked.Should().BeGreaterThan(500);
    }

    [Fact]
    public void A_postcode_two_authorities_own_provision_share_goes_to_the_one_whose_placement_1015_checks_and_its_provider_gets_no_postcode()
    {
        using var t = new TempDir();
        var las = AuthoritiesFile.Read(Templates.AuthoritiesCsv).Where(a => a.Code is 845 or 885).OrderBy(a => a.Code).ToList();
        const string header = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
        // As drawn before 2022-23: 845's foster carer (U5, URN SC558487) and 885's own children's home (R1, no URN) at one postcode.
        Directory.CreateDirectory(t.File("845_2023"));
        File.WriteAllText(t.File("845_2023/Episodes.csv"), header + "C1,24/01/2022,L,C1,N1,U5,PR1,,,,PR5 6JZ,PR29 2SF,SC558487\n");
        Directory.CreateDirectory(t.File("885_2023"));
        File.WriteAllText(t.File("885_2023/Episodes.csv"), header + "C2,26/03/2022,P,C2,N1,R1,PR1,,,,PR10 8DX,PR29 2SF,\n");

        var files = SampleReference.Write(t.Path, las);

        // 1015 exempts foster placements, so the postcode lies in 885 (E10000034); the provider, whose one postcode would then
        // put 845's own provision in another authority (229), is listed without one.
        File.ReadAllLines(files[0]).Where(l => l.StartsWith("PR29 2SF,", StringComparison.Ordinal)).Single().Split(',')[2]
            .Should().Be("E10000034");
        File.ReadAllLines(files[1]).Should().Contain("SC558487,PR1,U5,01/04/2000,,");
    }
}
