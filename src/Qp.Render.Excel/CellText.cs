using System.Text;

namespace Qp.Render.Excel;

/// <summary>Text as it may go into a cell or page footer: never invalid XML (formula-like text is caught by <see cref="Qp.Domain.Text.SafeText"/>).</summary>
internal static class CellText
{
    /// <summary>The text with characters XML cannot hold (control characters other than tab and line breaks, lone surrogates) replaced by U+FFFD.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !char.IsSurrogate(c))
                      || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                      || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (ok && sb is null) continue;
            sb ??= new StringBuilder(text, 0, i, text.Length);
            sb.Append(ok ? c : '\uFFFD');
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Text for a page header or footer, where '&amp;' starts a code and must be doubled.</summary>
    public static string ForHeaderFooter(string text) => Clean(text).Replace("&", "&&", StringComparison.Ordinal);
}
