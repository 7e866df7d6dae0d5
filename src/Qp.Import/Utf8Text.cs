using System.Text;

namespace Qp.Import;

/// <summary>Where UTF-8 input is not UTF-8, so that it is refused with a location rather than read as U+FFFD.</summary>
public static class Utf8Text
{
    /// <summary>An invalid byte sequence: its 1-based line and column (in characters) and a sentence naming the bytes.</summary>
    /// <param name="Line">The 1-based line.</param>
    /// <param name="Column">The 1-based column.</param>
    /// <param name="Message">What is wrong, naming the byte in hex.</param>
    public readonly record struct Invalid(int Line, int Column, string Message);

    /// <summary>
    /// The first invalid UTF-8 sequence in <paramref name="bytes"/>, or null when they are valid UTF-8 (or start with a UTF-16 or
    /// UTF-32 byte order mark, which names another encoding that the CSV reader converts).
    /// </summary>
    public static Invalid? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return null;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        int line = 1, column = 1;
        for (int i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out int used) != System.Buffers.OperationStatus.Done)
                return new Invalid(line, column, $"the byte 0x{bytes[i]:X2} is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)");
            if (rune.Value == '\n') (line, column) = (line + 1, 1);
            else column++;
            i += used;
        }
        return null;
    }

    /// <summary>The 1-based line on which byte <paramref name="offset"/> of <paramref name="bytes"/> falls.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, long offset) =>
        1 + bytes[..(int)Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n');
}
