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
        w.WriteStartArray("sources");
        foreach (var s in Sources)
        {
            w.WriteStartObject();
            w.WriteNumber("import_id", s.Id);
            w.WriteString("kind", s.Kind);
            if (s.LaCode is { } sl) w.WriteNumber("la", sl); else w.WriteNull("la");
            if (s.Year is { } sy) w.WriteNumber("year", sy); else w.WriteNull("year");
            w.WriteString("imported_at", s.ImportedAt);
            w.WriteStartArray("files");
            foreach (var f in s.Files)
            {
                w.WriteStartObject();
                w.WriteString("name", f.FileName);
                if (f.TableName is null) w.WriteNull("table"); else w.WriteString("table", f.TableName);
                w.WriteNumber("rows", f.RowCount);
                w.WriteString("sha256", f.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
