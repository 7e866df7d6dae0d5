using Qp.Domain.Authorities;
using Qp.Store;

namespace Qp.Render.Excel;

/// <summary>How a row relates to the focus authority chosen with --la.</summary>
internal enum RowRole
{
    /// <summary>No focus authority, or not related to it.</summary>
    Other,

    /// <summary>The focus authority itself.</summary>
    Focus,

    /// <summary>One of the focus authority's statistical neighbours.</summary>
    Neighbour,
}

/// <summary>One authority row of the Summary and indicator sheets.</summary>
internal sealed record AuthorityRow(Authority Authority, RowRole Role, int? NeighbourRank)
{
    /// <summary>The text of the Comparison column, which says in words what the row's highlight colour says.</summary>
    public string Comparison => Role switch
    {
        RowRole.Focus => "Selected authority",
        RowRole.Neighbour => $"Statistical neighbour {NeighbourRank}",
        _ => "",
    };
}

/// <summary>The order of authority rows: the focus authority, its statistical neighbours closest first, then everyone else by name.</summary>
internal static class AuthorityOrder
{
    public static IReadOnlyList<AuthorityRow> For(ReportData data, int? focus)
    {
        // Authorities with results in any stored year, so a missing return shows as a blank row rather than vanishing.
        var codes = data.Results.Select(r => r.LaCode).ToHashSet();
        if (focus is { } f) codes.Add(f);
        var rows = new List<AuthorityRow>();
        var placed = new HashSet<int>();
        if (focus is { } fc)
        {
            rows.Add(new AuthorityRow(AuthorityOf(data, fc), RowRole.Focus, null));
            placed.Add(fc);
            if (data.Neighbours.TryGetValue(fc, out var neighbours))
            {
                int rank = 0;
                foreach (var n in neighbours)
                {
                    rank++;
                    if (!placed.Add(n)) continue;
                    rows.Add(new AuthorityRow(AuthorityOf(data, n), RowRole.Neighbour, rank));
                }
            }
        }
        rows.AddRange(codes.Where(c => !placed.Contains(c))
            .Select(c => AuthorityOf(data, c))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Code)
            .Select(a => new AuthorityRow(a, RowRole.Other, null)));
        return rows;
    }

    private static Authority AuthorityOf(ReportData data, int code) =>
        data.Authorities.TryGetValue(code, out var a) ? a : new Authority(code, "", data.NameOf(code), "", "");
}
