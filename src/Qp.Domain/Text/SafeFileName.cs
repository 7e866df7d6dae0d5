using System.Text;

namespace Qp.Domain.Text;

/// <summary>Turns free text such as an authority's name into a safe file-name part: no separators, no "..", no control characters, bounded length.</summary>
/// <remarks>
/// Letters, digits and combining accents (any script), '-', '_' and single inner dots are kept; every other run of characters (spaces, commas,
/// slashes, backslashes, colons, control characters, ...) becomes one '-'. Leading and trailing dots and dashes are dropped so
/// the result is never hidden, never "." or "..", and cannot climb out of a folder. Windows device names get a '_' prefix.
/// Pure: the same input gives the same name on every platform.
/// </remarks>
public static class SafeFileName
{
    /// <summary>The default upper bound on the length of a name, in characters.</summary>
    public const int DefaultMaxLength = 80;

    /// <summary>The name used when nothing usable is left of the input.</summary>
    public const string Fallback = "unnamed";

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>A safe file-name part made from <paramref name="text"/>, at most <paramref name="maxLength"/> characters (e.g. "Bristol, City of" → "Bristol-City-of").</summary>
    public static string From(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        var sb = new StringBuilder((text ?? "").Length);
        // Runes, not chars: a letter outside the Basic Multilingual Plane is kept whole.
        // Lone surrogates become U+FFFD (not a letter, so a '-').
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value == '_') { sb.Append(rune.ToString()); continue; }
            char mapped = rune.Value == '.' ? '.' : '-';
            // Collapse runs: "a  /  b" → "a-b", "a..b" → "a.b", ". " → "-".
            if (sb.Length > 0 && (sb[^1] == '-' || sb[^1] == '.'))
            {
                if (mapped == '-') sb[^1] = '-';
                continue;
            }
            sb.Append(mapped);
        }
        var name = sb.ToString().Trim('-', '.');
        if (name.Length > maxLength)
        {
            int cut = maxLength;
            if (char.IsHighSurrogate(name[cut - 1])) cut--; // never split a surrogate pair
            name = name[..cut].TrimEnd('-', '.');
        }
        if (name.Length == 0) return Fallback;
        var stem = name.Split('.')[0];
        return WindowsDevices.Contains(stem) ? "_" + name : name;
    }

    // Combining accents stay with their letter ("Mo" + U+0302 + "n"); the tool runs with invariant globalization, so
    // text is not normalised to composed form here.
    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
        or System.Globalization.UnicodeCategory.EnclosingMark;
}
