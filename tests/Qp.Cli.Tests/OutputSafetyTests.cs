using Qp.Cli.Tests.Reliability;

namespace Qp.Cli.Tests;

/// <summary>Reports and exports never overwrite an input: the store, its journal, or a template.</summary>
public class OutputSafetyTests
{
    [Fact]
    public void Every_writer_refuses_to_overwrite_the_store_or_a_template()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        File.WriteAllText(tmp.File("agg.csv"), "la_code,year,indicator,numerator,denominator\n805,2001,A1,31,180\n806,2001,A1,12,100\n");
        QpRunner.Run("import", "--db", db, tmp.File("agg.csv")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        var template = Path.Combine(AppContext.BaseDirectory, "templates", "indicators", "A1.json");
        var templateBytes = File.ReadAllBytes(template);
        var storeHash = StoreFiles.Hash(db);

        foreach (var target in new[] { db, template })
        {
            foreach (var args in new[]
            {
                new[] { "export", "--db", db, "--year", "2001", "--out", target },
                ["report", "pdf", "--db", db, "--year", "2001", "--la", "805", "--out", target],
                ["report", "excel", "--db", db, "--year", "2001", "--out", target],
            })
            {
                var run = QpRunner.Run(args);
                run.ExitCode.Should().Be(2, string.Join(' ', args));
                run.Error.Should().NotBeEmpty();
            }
        }
        File.ReadAllBytes(template).Should().Equal(templateBytes);
        StoreFiles.Hash(db).Should().Be(storeHash);
    }
}
