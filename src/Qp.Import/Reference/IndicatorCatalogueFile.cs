using System.Text.Json;
using System.Text.Json.Serialization;
using Qp.Domain.Indicators;

namespace Qp.Import.Reference;

/// <summary>Reads the indicator catalogue: one JSON file per indicator in templates/indicators.</summary>
public static class IndicatorCatalogueFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The display order of the catalogue, matching the PAF areas.</summary>
    public static readonly string[] Order = ["A1", "A2", "A3", "B7", "C23", "D78", "HA"];

    /// <summary>Reads every *.json file in <paramref name="folder"/>, in catalogue order; a malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyList<IndicatorDefinition> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new InvalidDataException($"indicator catalogue folder not found: {folder}");
        var list = Directory.EnumerateFiles(folder, "*.json").Select(ReadFile).ToList();
        return list.OrderBy(d => Array.IndexOf(Order, d.Id) is var i and >= 0 ? i : int.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads one indicator file.</summary>
    public static IndicatorDefinition ReadFile(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            var d = JsonSerializer.Deserialize<IndicatorDefinition>(s, Options) ?? throw new InvalidDataException("empty");
            if (string.IsNullOrWhiteSpace(d.Id) || string.IsNullOrWhiteSpace(d.Title)) throw new InvalidDataException("id and title are required");
            if (d.BandThresholds is { Count: > 0 and not 4 }) throw new InvalidDataException("bandThresholds must hold four values or none");
            return d with
            {
                SourceTables = d.SourceTables ?? [], Targets = d.Targets ?? [], BandThresholds = d.BandThresholds ?? [], Published = d.Published ?? [],
            };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
