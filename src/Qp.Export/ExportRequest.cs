namespace Qp.Export;

/// <summary>The layouts qp export writes.</summary>
public enum ExportFormat
{
    /// <summary>CSV with the SPEC §6 columns.</summary>
    Csv,

    /// <summary>JSON array with the SPEC §6 columns.</summary>
    Json,

    /// <summary>DfE's tidy long CSV layout (Explore Education Statistics).</summary>
    Ees,
}

/// <summary>What to export and where.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="OutPath">The file to write; the manifest is written beside it as OUT.manifest.json.</param>
/// <param name="Format">The layout.</param>
/// <param name="Publish">Apply disclosure control (SPEC §6) for publication.</param>
/// <param name="LaCode">Only this authority's rows (the authority-side export of its own figures).</param>
/// <param name="Inputs">Files the export read (the store and its WAL files, templates): the export refuses to write over them.</param>
public sealed record ExportRequest(int Year, string OutPath, ExportFormat Format, bool Publish, int? LaCode, IReadOnlyList<string> Inputs)
{
    /// <summary>The manifest's path: the export's path with ".manifest.json" appended.</summary>
    public string ManifestPath => OutPath + ".manifest.json";
}

/// <summary>What an export wrote.</summary>
/// <param name="OutPath">The export file.</param>
/// <param name="ManifestPath">The manifest beside it.</param>
/// <param name="Rows">The number of data rows written.</param>
/// <param name="Sha256">The SHA-256 of the export file.</param>
public sealed record ExportResult(string OutPath, string ManifestPath, long Rows, string Sha256);

/// <summary>An export that cannot be made as asked (a usage error, exit code 2): nothing has been written.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);
