using System.Diagnostics;
using Xunit.Abstractions;

namespace Qp.Cli.Tests.Reliability;

public class CrashAndConcurrencyTests(ITestOutputHelper output)
{
    private const string CurrentSubmission =
        "SELECT i.content_hash || '|' || (SELECT count(*) FROM episodes e WHERE e.submission_id = s.id) " +
        "FROM submissions s JOIN imports i ON i.id = s.import_id WHERE s.la_code = 886 AND s.year = 2001";

    [Fact]
    public void Import_killed_at_random_moments_leaves_exactly_the_old_or_the_new_return()
    {
        using var tmp = new TempDir();
        var db = tmp.File("crash.db");
        // Two different large returns for Kent 2000-01 (England scale), imported in turn.
        var returns = new[] { "1", "2" }.Select(seed =>
        {
            var dir = tmp.File("gen" + seed);
            QpRunner.Run("sample", "--out", dir, "--years", "2001-2001", "--la", "886", "--scale", "england", "--seed", seed).ExitCode.Should().Be(0);
            return Path.Combine(dir, "886_2001");
        }).ToArray();

        var states = new string[2];
        var sw = Stopwatch.StartNew();
        for (int k = 0; k < 2; k++)
        {
            ChildQp.Run("import", "--db", db, returns[k]).ExitCode.Should().Be(0);
            states[k] = StoreFiles.Scalar<string>(db, CurrentSubmission);
        }
        double fullMs = sw.Elapsed.TotalMilliseconds / 2;
        states[0].Should().NotBe(states[1]);
        states[1].Should().EndWith("|" + StoreFiles.DataRows(Path.Combine(returns[1], "Episodes.csv")));

        var rng = new Random(886);
        int iterations = 30, killed = 0, newer = 0;
        for (int i = 0; i < iterations; i++)
        {
            var before = StoreFiles.Scalar<string>(db, CurrentSubmission);
            int target = before == states[0] ? 1 : 0;
            using (var p = ChildQp.Start("import", "--db", db, returns[target]))
            {
                Thread.Sleep(rng.Next(20, (int)fullMs + 50));
                if (!p.HasExited) { p.Kill(); killed++; }
                p.WaitForExit();
            }
            StoreFiles.IntegrityCheck(db).Should().Be("ok", $"iteration {i}");
            var after = StoreFiles.Scalar<string>(db, CurrentSubmission);
            after.Should().BeOneOf([before, states[target]], $"iteration {i}: the store holds the old or the new return, never a mix");
            if (after != before) newer++;
        }
        output.WriteLine($"{iterations} imports of ~{fullMs:F0} ms each; {killed} killed with SIGKILL mid-run; {newer} landed; integrity ok after every one");
        killed.Should().BeGreaterThan(0, "the kills must land while imports are running");
    }

    [Fact]
    public async Task Two_imports_at_once_both_complete_or_one_fails_clearly_and_the_store_is_sound()
    {
        using var tmp = new TempDir();
        var db = tmp.File("two.db");
        QpRunner.Run("sample", "--out", tmp.File("gen"), "--years", "2001-2001", "--la", "886,926", "--scale", "england", "--seed", "3").ExitCode.Should().Be(0);
        using var a = ChildQp.Start("import", "--db", db, tmp.File(Path.Combine("gen", "886_2001")));
        using var b = ChildQp.Start("import", "--db", db, tmp.File(Path.Combine("gen", "926_2001")));
        var errA = a.StandardError.ReadToEndAsync();
        var errB = b.StandardError.ReadToEndAsync();
        await Task.WhenAll(a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync(), a.WaitForExitAsync(), b.WaitForExitAsync());
        foreach (var (p, err, la) in new[] { (a, await errA, 886), (b, await errB, 926) })
        {
            if (p.ExitCode == 0)
                StoreFiles.Scalar<long>(db, $"SELECT count(*) FROM submissions WHERE la_code = {la} AND year = 2001").Should().Be(1);
            else
                err.Should().NotBeNullOrWhiteSpace().And.NotContain("internal error");
        }
        new[] { a.ExitCode, b.ExitCode }.Should().Contain(0, "at least one of two concurrent imports completes");
        StoreFiles.IntegrityCheck(db).Should().Be("ok");
    }
}
