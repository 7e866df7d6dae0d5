using System.Reflection;
using System.Text.Json;
using Qp.Domain.Disclosure;
using Qp.Store;

namespace Qp.Export;

/// <summary>One file an export wrote, with its checksum.</summary>
/// <param name="Name">The file's name (in the manifest's folder).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
public sealed record WrittenFile(string Name, long Bytes, string Sha256);

/// <summary>The manifest written beside every export: what produced it, from which imports, and the checksums of what was written.</summary>
/// <param name="ToolVersion">qp's informational version.</param>
/// <param name="CreatedUtc">When the export was made.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="Rows">The number of data rows written.</param>
/// <param name="Sources">The import records the figures came from.</param>
/// <param name="Files">The files written and their SHA-256.</param>
public sealed record ExportManifest(string ToolVersion, DateTimeOffset CreatedUtc, ExportRequest Request, long Rows,
    IReadOnlyList<ImportRecord> Sources, IReadOnlyList<WrittenFile> Files)
{
    /// <summary>What the edition withheld in the exported year, per indicator and reason (published exports only).</summary>
    public IReadOnlyList<Qp.Domain.Disclosure.SuppressionCount> Suppressions { get; init; } = [];

    /// <summary>The version of qp that wrote exports: the assembly's informational version.</summary>
    public static string CurrentToolVersion =>
        typeof(ExportManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ExportManifest).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Writes the manifest as indented JSON.</summary>
    public void Write(Stream stream)
    {
        // Relaxed escaping keeps quotes and + readable; these are data files, never embedded in HTML.
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("tool", "qp");
        w.WriteString("tool_version", ToolVersion);
        w.WriteString("created_utc", CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("year", Request.Year);
        w.WriteString("format", Request.Format.ToString().ToLowerInvariant());
        w.WriteStartObject("filters");
        if (Request.LaCode is { } la) w.WriteNumber("la", la); else w.WriteNull("la");
        w.WriteEndObject();
        w.WriteNumber("row_count", Rows);
        w.WriteStartObject("disclosure_control");
        w.WriteBoolean("applied", Request.Publish);
        w.WriteStartArray("rules");
        if (Request.Publish) foreach (var rule in DisclosureControl.Rules) w.WriteStringValue(rule);
        w.WriteEndArray();
        // Per indicator and reason, how many cells the edition withheld: what a statistician signs off.
        w.WriteStartArray("suppressed");
        foreach (var c in Suppressions)
        {
            w.WriteStartObject();
            w.WriteString("indicator", c.Indicator);
            w.WriteNumber("year", c.Year);
            w.WriteString("kind", c.Secondary ? "secondary" : "primary");
            w.WriteString("reason", ReasonName(c.Reason));
            w.WriteNumber("cells", c.Cells);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        WriteProvenance(w, Sources);
        w.WriteStartArray("files");
        foreach (var f in Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteString("sha256", f.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>
    /// The returns behind the figures as one compact table (a row per import, not per file), each with its digest, and the
    /// digest of them all: enough for the centre to check any figure's sources against the files it received.
    /// </summary>
    private static void WriteProvenance(Utf8JsonWriter w, IReadOnlyList<ImportRecord> sources)
    {
        var digests = sources.Select(s => (Source: s, Sha256: ReturnDigest(s.Files))).ToList();
        w.WriteStartObject("store");
        w.WriteNumber("returns", digests.Count);
        w.WriteString("sha256", StoreDigest(digests.Select(d => (d.Source.Id, d.Sha256))));
        w.WriteEndObject();
        w.WriteStartObject("sources");
        w.WriteStartArray("columns");
        foreach (var c in SourceColumns) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("rows");
        // Each row on one line: the table stays readable and about a tenth of a per-file listing.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        foreach (var (s, sha) in digests)
        {
            buffer.ResetWrittenCount();
            System.Buffers.BuffersExtensions.Write(buffer, "\n      "u8); // whitespace before a raw value: each row starts its own line in the indented file
            using (var row = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                row.WriteStartArray();
                row.WriteNumberValue(s.Id);
                row.WriteStringValue(s.Kind);
                if (s.LaCode is { } la) row.WriteNumberValue(la); else row.WriteNullValue();
                if (s.Year is { } y) row.WriteNumberValue(y); else row.WriteNullValue();
                row.WriteStringValue(s.ImportedAt);
                row.WriteNumberValue(s.Files.Select(f => f.FileName).Distinct(StringComparer.Ordinal).Count());
                row.WriteNumberValue(s.Files.Sum(f => (long)f.RowCount));
                row.WriteStringValue(sha);
                row.WriteEndArray();
            }
            w.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The columns of the manifest's sources table, in order.</summary>
    public static IReadOnlyList<string> SourceColumns { get; } = ["import_id", "kind", "la", "year", "imported_at", "files", "rows", "sha256"];

    /// <summary>
    /// A return's digest: the SHA-256 of its files' lines as <c>sha256sum</c> prints them ("HASH  NAME\n"), ordered by name
    /// (ordinal), each file once — so <c>LC_ALL=C sha256sum * | sha256sum</c> in the return's folder reproduces it.
    /// </summary>
    public static string ReturnDigest(IEnumerable<ImportedFile> files)
    {
        var lines = files.Select(f => (f.FileName, f.Sha256)).Distinct().OrderBy(f => f.FileName, StringComparer.Ordinal)
            .Select(f => $"{f.Sha256}  {f.FileName}\n");
        return Sha256Hex(string.Concat(lines));
    }

    /// <summary>The digest of the store's returns behind an export: the SHA-256 of "IMPORT_ID RETURN_DIGEST\n" lines in id order.</summary>
    public static string StoreDigest(IEnumerable<(long Id, string Sha256)> returns) =>
        Sha256Hex(string.Concat(returns.OrderBy(r => r.Id).Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Id} {r.Sha256}\n"))));

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>A suppression reason as the manifest names it.</summary>
    public static string ReasonName(SuppressionReason reason) => reason switch
    {
        SuppressionReason.SmallNumerator => "numerator_1_to_5",
        SuppressionReason.SmallDenominator => "denominator_under_10",
        SuppressionReason.Change => "change_with_hidden_year",
        SuppressionReason.Trend => "trend_with_hidden_year",
        SuppressionReason.TinyDenominator => "denominator_1_or_2",
        SuppressionReason.TargetBaseline => "target_from_hidden_baseline",
        SuppressionReason.RegionTotal => "region_total",
        _ => "england_total",
    };
}
