using Qp.Domain;
using Qp.Render.Pdf.Components;
using SkiaSharp;

namespace Qp.Render.Pdf.Pages;

/// <summary>The cover: who the pack is about, which year, when it was produced, what it contains and where the figures come from.</summary>
internal sealed class CoverPage(PackContext ctx, string kind, IReadOnlyList<string> sources) : IPage
{
    /// <summary>Contents lines (title, first page), filled in once every page is laid out.</summary>
    public IReadOnlyList<(string Title, int Page)> Contents { get; set; } = [];

    public string Section => "Cover";

    public void Draw(SKCanvas c, SKRect a)
    {
        Ink.Fill(c, new SKRect(a.Left, a.Top, a.Right, a.Top + 150), Palette.Navy);
        Ink.Text(c, "QUALITY PROTECTS", a.Left + 20, a.Top + 30, new TextStyle(9f, true, new SKColor(0xC9, 0xD6, 0xE8)));
        Ink.Text(c, kind, a.Left + 20, a.Top + 50, new TextStyle(12f, false, SKColors.White));
        // The name shrinks to fit the band, then takes two lines (the longest, "Bournemouth, Christchurch and Poole", does at 22 pt).
        var (name, nameStyle) = Ink.Fit(ctx.AreaName, a.Width - 40, new TextStyle(28f, true, SKColors.White), maxLines: 2, minSize: 16f);
        float firstBaseline = a.Top + 98 - (name.Count - 1) * nameStyle.LineHeight * 0.6f;
        Ink.Lines(c, name, a.Left + 20, firstBaseline - nameStyle.Size, nameStyle);
        Ink.Text(c, $"{ctx.YearDisplay}", a.Left + 20, a.Top + 130, new TextStyle(16f, false, SKColors.White));

        float y = a.Top + 178;
        var area = ctx.LaCode is { } la ? ctx.Source.Authority(la) : null;
        var facts = new List<(string, string)>
        {
            ("Collection year", $"{ctx.YearDisplay} (1 April {ctx.Year - 1} to 31 March {ctx.Year})"),
            ("Date produced", ctx.Produced.ToString("d MMMM yyyy")),
            ("Edition", ctx.Figures.Publish
                ? "For publication: disclosure control applied (small numbers shown as c)"
                : "Not for publication: contains unsuppressed small numbers"),
        };
        if (ctx.Text.SyntheticNotice is { } synthetic) facts.Insert(0, ("Data", synthetic));
        if (area is not null)
        {
            facts.Insert(0, ("Authority", $"{area.Name} (code {area.Code}, {area.OnsCode})"));
            facts.Insert(1, ("Region and type", $"{area.Region}, {area.Type.ToLowerInvariant()}"));
        }
        foreach (var (label, value) in facts)
        {
            Ink.Text(c, label, a.Left, y + 9, TextStyle.SmallBold.In(Palette.Muted));
            y += Math.Max(Ink.Paragraph(c, value, a.Left + 110, y, a.Width - 110, TextStyle.Body), 13f) + 5;
        }

        y += 16;
        Ink.Text(c, "Contents", a.Left, y + 11, TextStyle.Subheading);
        y += 20;
        Ink.Line(c, a.Left, y, a.Right, y, Palette.Navy, 0.8f);
        y += 4;
        foreach (var (title, page) in Contents)
        {
            Ink.Text(c, title, a.Left, y + 10, TextStyle.Body);
            Ink.Text(c, page.ToString(), a.Right, y + 10, TextStyle.Body, SKTextAlign.Right);
            y += 15;
        }

        y += 18;
        Ink.Text(c, "Data sources", a.Left, y + 11, TextStyle.Subheading);
        y += 20;
        Ink.Line(c, a.Left, y, a.Right, y, Palette.Navy, 0.8f);
        y += 5;
        foreach (var s in sources)
            y += Ink.Paragraph(c, "•  " + s, a.Left, y, a.Width, TextStyle.Body) + 3;
    }
}
