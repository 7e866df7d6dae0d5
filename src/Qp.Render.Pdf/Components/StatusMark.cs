using Qp.Domain.Results;
using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>A status drawn as a coloured shape beside its text label: the shape and the words carry the meaning, colour only reinforces it.</summary>
internal static class StatusMark
{
    public static SKColor Colour(TargetStatus? s) => s switch
    {
        TargetStatus.Met => Palette.Met,
        TargetStatus.NotMet => Palette.NotMet,
        TargetStatus.NotYetDue => Palette.NotYetDue,
        _ => Palette.NoTarget,
    };

    public static SKColor Colour(VsEngland v) => v switch
    {
        VsEngland.Better => Palette.Met,
        VsEngland.Worse => Palette.NotMet,
        VsEngland.Similar => Palette.NotYetDue,
        _ => Palette.NoTarget,
    };

    /// <summary>Draws the mark for <paramref name="s"/> centred on (cx, cy): a disc for met, a square for not met, a triangle for not yet due, a ring otherwise.</summary>
    public static void Draw(SKCanvas c, TargetStatus? s, float cx, float cy, float r = 3.6f)
    {
        using var p = new SKPaint { Color = Colour(s), IsAntialias = true };
        switch (s)
        {
            case TargetStatus.Met: c.DrawCircle(cx, cy, r, p); break;
            case TargetStatus.NotMet: c.DrawRect(cx - r * 0.9f, cy - r * 0.9f, r * 1.8f, r * 1.8f, p); break;
            case TargetStatus.NotYetDue:
                using (var path = new SKPath())
                {
                    path.MoveTo(cx, cy - r);
                    path.LineTo(cx + r, cy + r * 0.8f);
                    path.LineTo(cx - r, cy + r * 0.8f);
                    path.Close();
                    c.DrawPath(path, p);
                }
                break;
            default:
                p.IsStroke = true;
                p.StrokeWidth = 1f;
                c.DrawCircle(cx, cy, r * 0.8f, p);
                break;
        }
    }
}
