using System.Text;

namespace Qp.Domain.Text;

/// <summary>Text from the input as it may be echoed in a message: cut to a readable length and with control characters escaped, so a value can neither flood the output nor forge lines of it.</summary>
public static class EchoText
{
    /// <summary>The longest echoed value, in characters, before it is cut with "…".</summary>
    public const int MaxChars = 1000;

    /// <summary>
    /// <paramref name="text"/> with control characters written as escapes (\n, \r, \t, \0, or \u001b) and cut after
    /// <paramref name="max"/> characters with "…"; unchanged when it has neither.
    /// </summary>
    public static string Escape(string text, int max = MaxChars)
    {
        bool cut = text.Length > max;
        var span = cut ? text.AsSpan(0, max) : text.AsSpan();
        if (!cut && !span.ContainsAnyInRange('\0', '\u001f') && !span.Contains('\u007f') && !span.ContainsAnyInRange('\u2028', '\u2029')) return text;
        var sb = new StringBuilder(span.Length + 8);
        foreach (var c in span)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                case < ' ' or '\u007f' or '\u2028' or '\u2029': sb.Append($"\\u{(int)c:x4}"); break;
                default: sb.Append(c); break;
            }
        }
        if (cut) sb.Append('…');
        return sb.ToString();
    }
}
