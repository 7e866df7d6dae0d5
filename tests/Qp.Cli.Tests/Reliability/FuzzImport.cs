namespace Qp.Cli.Tests.Reliability;

/// <summary>The check every fuzz test makes of one mutant: imported, it never crashes, every rejection is explained, and a rejected input leaves the store unchanged.</summary>
internal static class FuzzImport
{
    /// <summary>Imports <paramref name="path"/> into <paramref name="db"/>, checks the outcome and returns the store's hash to expect next.</summary>
    public static string Check(string db, string path, int i, IEnumerable<string> applied, Dictionary<int, int> outcomes, string hash)
    {
        var run = QpRunner.Run("import", "--db", db, path);
        outcomes[run.ExitCode] = outcomes.GetValueOrDefault(run.ExitCode) + 1;
        var what = $"case {i} ({string.Join(", ", applied)}): exit {run.ExitCode}\n{run.Error}";
        run.ExitCode.Should().BeOneOf([0, 1, 2], what);
        run.Error.Should().NotContain("internal error", what).And.NotContain("   at ", what);
        var after = StoreFiles.Hash(db);
        if (run.ExitCode == 0) return after;
        (run.Error + run.Out).Trim().Should().NotBeEmpty(what);
        after.Should().Be(hash, $"a rejected input must leave the store unchanged: {what}");
        return hash;
    }
}
