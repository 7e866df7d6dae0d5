using System.Security.Cryptography;
using System.Text.Json;
using Qp.Domain.Results;
using static Qp.Export.Tests.ExportFixture;

namespace Qp.Export.Tests;

public sealed class ManifestAndFileTests : IDisposable
{
    private readonly ExportFixture f = new();
    private readonly long hartlepool2001, middlesbrough2000, hartlepool2002;

    public ManifestAndFileTests()
    {
        f.Store(
            [Result("A1", 805, 2001, 12, 97, 100.0 * 12 / 97), Result("A1", 806, 2001, 7, 40, 17.5)],
            [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 19, Denominator = 137, Value = 100.0 * 19 / 137 }]);
        hartlepool2001 = f.AddSubmission(805, 2001, ("header.csv", new string('a', 64)), ("episodes.csv", new string('b', 64)));
        middlesbrough2000 = f.AddSubmission(806, 2000, ("806_2000.xml", new string('c', 64)));
        hartlepool2002 = f.AddSubmission(805, 2002, ("header.csv", new string('d', 64)));
    }

    public void Dispose() => f.Dispose();

    private ExportResult Export(string name, ExportFormat format = ExportFormat.Csv, int? la = null) =>
        Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_(name), format, false, la, [f.Db]),
            new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(ExportFormat.Csv, "out.csv")]
    [InlineData(ExportFormat.Json, "out.json")]
    [InlineData(ExportFormat.Ees, "out-ees.csv")]
    public void Manifest_checksum_is_the_sha256_of_the_file_on_disk(ExportFormat format, string name)
    {
        var result = Export(name, format);
        result.ManifestPath.Should().Be(f.Path_(name + ".manifest.json"));
        using var m = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        var file = m.RootElement.GetProperty("files").EnumerateArray().Single();
        file.GetProperty("name").GetString().Should().Be(name);
        var onDisk = File.ReadAllBytes(f.Path_(name));
        file.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(onDisk)));
        file.GetProperty("bytes").GetInt64().Should().Be(onDisk.Length);
        m.RootElement.GetProperty("format").GetString().Should().Be(format.ToString().ToLowerInvariant());
        m.RootElement.GetProperty("row_count").GetInt64().Should().Be(result.Rows);
    }

    [Fact]
    public void Manifest_records_version_time_request_and_the_imports_behind_the_figures()
    {
        var result = Export("out.csv", la: 805);
        using var m = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        var root = m.RootElement;
        root.GetProperty("tool_version").GetString().Should().StartWith("0.1.0");
        root.GetProperty("created_utc").GetString().Should().Be("2026-11-23T16:30:00Z");
        root.GetProperty("year").GetInt32().Should().Be(2001);
        root.GetProperty("filters").GetProperty("la").GetInt32().Should().Be(805);
        root.GetProperty("row_count").GetInt64().Should().Be(1);

        // Submissions of 2001 and earlier feed the 2001 figures; the 2002 one does not. One row per return, not per file.
        var sources = root.GetProperty("sources");
        sources.GetProperty("columns").EnumerateArray().Select(c => c.GetString())
            .Should().Equal("import_id", "kind", "la", "year", "imported_at", "files", "rows", "sha256");
        var rows = sources.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        rows.Select(r => r[0].GetInt64()).Should().Equal(hartlepool2001, middlesbrough2000);
        var first = rows[0];
        first[1].GetString().Should().Be("child-level");
        first[2].GetInt32().Should().Be(805);
        first[3].GetInt32().Should().Be(2001);
        first[4].GetString().Should().Be("2002-05-01T09:00:00Z");
        first[5].GetInt32().Should().Be(2);
        // printf "$b  episodes.csv\n$a  header.csv\n" | sha256sum, with $a, $b the files' 64-character hashes.
        first[7].GetString().Should().Be("b3ac1906ceb2238ee3202a8417c412982374ef44cc855bad222ef1f70321a7c5");
        rows[1][7].GetString().Should().Be("88370d95d7ec248b186a78ad8f9390b914ffecdd21a16f257e3a3a68cbcfc62d");
        var store = root.GetProperty("store");
        store.GetProperty("returns").GetInt32().Should().Be(2);
        store.GetProperty("sha256").GetString().Should().Be(StoreDigestBySha256Sum(
            $"{hartlepool2001} b3ac1906ceb2238ee3202a8417c412982374ef44cc855bad222ef1f70321a7c5\n{middlesbrough2000} 88370d95d7ec248b186a78ad8f9390b914ffecdd21a16f257e3a3a68cbcfc62d\n"));
    }

    private static string StoreDigestBySha256Sum(string lines) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines)));

    [Fact]
    public void A_return_digest_is_what_sha256sum_prints_for_its_folder()
    {
        // LC_ALL=C sha256sum * | sha256sum in a folder holding header.csv ("hi\n") and episodes.csv ("yo\n").
        ExportManifest.ReturnDigest([
            new("header.csv", "Header", "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4", 1),
            new("episodes.csv", "Episodes", "ebe95d10cc11e27bd8d4d1ce91bc725665ddbaa6ca2498ef38a88a58ad48cdb4", 1)])
            .Should().Be("fed9df200eda8fa1bc507638879e64e8c72f492b89a7af6c61c94bf0dca96338");
    }

    [Fact]
    public void Writing_leaves_only_the_export_and_its_manifest()
    {
        File.WriteAllText(f.Path_("out.csv"), "an older export");
        Export("out.csv");
        Directory.GetFiles(f.Dir).Select(Path.GetFileName).Order()
            .Should().Equal("out.csv", "out.csv.manifest.json", "qp.db", "qp.db-shm", "qp.db-wal");
        File.ReadAllText(f.Path_("out.csv")).Should().StartWith("la_code,");
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var path = f.Path_("kept.csv");
        File.WriteAllText(path, "old contents");
        var act = () => AtomicFile.Write(path, s =>
        {
            s.Write("half a fi"u8);
            throw new IOException("disk full");
        });
        act.Should().Throw<IOException>().WithMessage("disk full");
        File.ReadAllText(path).Should().Be("old contents");
        Directory.GetFiles(f.Dir, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void Refuses_to_write_the_manifest_over_an_input()
    {
        // out.csv itself is fine, but out.csv.manifest.json is named as an input.
        var input = f.Path_("out.csv.manifest.json");
        File.WriteAllText(input, "precious");
        var act = () => Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, f.Path_("out.csv"), ExportFormat.Csv, false, null, [input]), DateTimeOffset.UtcNow);
        act.Should().Throw<ExportRefusedException>();
        File.ReadAllText(input).Should().Be("precious");
        File.Exists(f.Path_("out.csv")).Should().BeFalse();
    }

    [Fact]
    public void Refuses_a_symbolic_link_to_an_input()
    {
        var link = f.Path_("link.csv");
        File.CreateSymbolicLink(link, f.Db);
        var act = () => Exporter.Run(f.Conn, Catalogue, new ExportRequest(2001, link, ExportFormat.Csv, false, null, [f.Db]), DateTimeOffset.UtcNow);
        act.Should().Throw<ExportRefusedException>();
    }
}
