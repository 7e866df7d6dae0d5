namespace Qp.Sample.Tests;

public class CommittedSampleTests
{
    /// <summary>The repository's sample-data folder, found by walking up from the test assembly.</summary>
    private static string? SampleDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "sample-data");
            if (File.Exists(Path.Combine(candidate, "README.md"))) return candidate;
        }
        return null;
    }

    [Fact]
    public void The_committed_sample_data_is_exactly_what_the_generator_makes_from_its_documented_command()
    {
        string committed = SampleDataFolder() ?? throw new InvalidOperationException("sample-data/ not found above the test assembly");
        string dir = TestSupport.NewDir();
        try
        {
            // qp sample --out sample-data --years 2000-2001 --la 805,202,926 --seed 1 (small scale), as sample-data/README.md says.
            SampleGenerator.Generate(dir, TestSupport.Pick(805, 202, 926), new SampleOptions([2000, 2001], SampleScale.Small, 1));
            var expected = TestSupport.Hashes(committed);
            expected.Remove("README.md");
            TestSupport.Hashes(dir).Should().Equal(expected, "regenerate sample-data/ whenever the generator changes");
        }
        finally { TestSupport.Delete(dir); }
    }
}
