using System.Text.Json;
using CsvHelper;
using Qp.Domain.Text;

namespace Qp.Export;

/// <summary>Writes an <see cref="ExportTable"/> as CSV: UTF-8 without a byte order mark, RFC 4180, invariant culture, missing as an empty field.</summary>
public static class CsvTableWriter
{
    /// <summary>Streams <paramref name="table"/> to <paramref name="stream"/> and returns the number of data rows.</summary>
    public static long Write(Stream stream, ExportTable table)
    {
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = false };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        csv.WriteHeader([.. table.Columns]);
        long rows = 0;
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                if (cell.Number is { } n) csv.WriteField(n, "");
                else csv.WriteField(SafeText.Neutralise(cell.Text));
            }
            csv.EndRecord();
            rows++;
        }
        csv.Flush();
        return rows;
    }
}

/// <summary>Writes an <see cref="ExportTable"/> as a JSON array of objects keyed by column name: numbers as numbers, missing as null.</summary>
public static class JsonTableWriter
{
    /// <summary>Streams <paramref name="table"/> to <paramref name="stream"/> and returns the number of rows.</summary>
    public static long Write(Stream stream, ExportTable table)
    {
        // Relaxed escaping keeps quotes and + readable; these are data files, never embedded in HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var names = table.Columns.Select(c => JsonEncodedText.Encode(c)).ToArray();
        json.WriteStartArray();
        long rows = 0;
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            for (int i = 0; i < names.Length; i++)
            {
                var cell = row[i];
                if (cell.Number is { } n) json.WriteNumber(names[i], n);
                // Text is neutralised here too: JSON is often pasted or loaded into spreadsheets.
                else if (cell.Text is { } t) json.WriteString(names[i], SafeText.Neutralise(t));
                else json.WriteNull(names[i]);
            }
            json.WriteEndObject();
            rows++;
            // Keep memory flat: hand the buffer to the stream every so often.
            if (json.BytesPending > 64 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.Flush();
        return rows;
    }
}
