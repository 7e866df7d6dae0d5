using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;

namespace Qp.Render.Excel;

/// <summary>The words a reader sees for the stored enumerations; the same on every sheet and in every renderer (<see cref="Words"/>).</summary>
internal static class Labels
{
    public static string Of(TargetStatus s) => Words.Of(s);

    public static string Of(VsEngland v) => Words.Of(v);

    public static string Of(Trend t) => Words.Of(t);

    public static string Of(Polarity p) => Words.Of(p);
}
