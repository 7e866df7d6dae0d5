using System.Reflection;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Qp.Render.Pdf;

/// <summary>The committed Noto Sans subset, shared by page text and ScottPlot charts so every pack embeds one small font.</summary>
public static class PackFonts
{
    /// <summary>The family name the subset is registered under in ScottPlot; unique so no system font can stand in for it.</summary>
    public const string Family = "QP Noto Sans";

    private static readonly byte[] RegularBytes = Resource("NotoSans-Regular.subset.ttf");
    private static readonly byte[] BoldBytes = Resource("NotoSans-Bold.subset.ttf");

    /// <summary>The regular weight.</summary>
    public static readonly SKTypeface Regular = Load(RegularBytes);

    /// <summary>The bold weight.</summary>
    public static readonly SKTypeface Bold = Load(BoldBytes);

    private static readonly HashSet<int> Covered = CoveredCodePoints(Regular);
    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Registers the subset with ScottPlot (once per process) so charts draw with it.</summary>
    public static void RegisterWithScottPlot()
    {
        lock (Gate)
        {
            if (registered) return;
            Fonts.FontResolvers.Insert(0, new Resolver());
            registered = true;
        }
    }

    /// <summary>Text the subset can draw: the symbols it lacks are written out, anything else unknown becomes "?".</summary>
    public static string Clean(string text)
    {
        bool plain = true;
        foreach (var ch in text)
            if (ch is < ' ' or > '~') { plain = false; break; }
        if (plain) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Covered.Contains(rune.Value)) sb.Append(rune.ToString());
            else sb.Append(rune.Value switch
            {
                0x2264 => "<=",
                0x2265 => ">=",
                0x2212 => "-",
                0x00A0 => " ",
                _ => "?",
            });
        }
        return sb.ToString();
    }

    private static SKTypeface Load(byte[] bytes) =>
        SKTypeface.FromStream(new MemoryStream(bytes)) ?? throw new InvalidOperationException("embedded font could not be loaded");

    private static byte[] Resource(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qp.Render.Pdf.Fonts." + name)
            ?? throw new InvalidOperationException($"embedded font {name} is missing");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static HashSet<int> CoveredCodePoints(SKTypeface typeface)
    {
        using var font = new SKFont(typeface);
        var set = new HashSet<int>();
        for (int cp = 0x20; cp < 0x3000; cp++)
            if (font.GetGlyph(cp) != 0) set.Add(cp);
        return set;
    }

    /// <summary>Hands ScottPlot the very typefaces the pages use, so the PDF embeds each weight once.</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;
    }
}
