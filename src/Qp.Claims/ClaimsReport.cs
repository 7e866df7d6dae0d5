using System.Globalization;

namespace Qp.Claims;

/// <summary>The kinds of generated statement the checker reads back and checks against the edition's figures.</summary>
public enum ClaimKind
{
    /// <summary>Target status: due, met, not met, withheld (never "none" when a due target is withheld), counts of authorities meeting it.</summary>
    Target,

    /// <summary>A rank ("ranks 12th of 150"), naming the tie it rests on.</summary>
    Rank,

    /// <summary>A quartile band, naming the tie it rests on.</summary>
    Band,

    /// <summary>Better, similar or worse than England.</summary>
    VsEngland,

    /// <summary>The five-year trend in words.</summary>
    Trend,

    /// <summary>A neighbour average: its value, how many figures it rests on, and never an average of one shown as the group's.</summary>
    Average,

    /// <summary>England's figure: the edition's, labelled with its basis, one per indicator across the outputs.</summary>
    England,

    /// <summary>Every page and sheet made from synthetic data says SYNTHETIC.</summary>
    Synthetic,

    /// <summary>A workbook target-status cell: "No target" only where the indicator has no target due.</summary>
    StatusCell,

    /// <summary>A printed sheet's print area covers every non-empty cell.</summary>
    PrintArea,
}

/// <summary>One claim found false.</summary>
/// <param name="Kind">The kind of claim.</param>
/// <param name="Where">The file and page or sheet.</param>
/// <param name="Message">What was printed and what the figures say.</param>
public sealed record ClaimFailure(ClaimKind Kind, string Where, string Message);

/// <summary>What the checker read: per kind of claim, how many were checked and how many were false, and the false ones.</summary>
public sealed class ClaimsReport
{
    private readonly object _gate = new();
    private readonly Dictionary<ClaimKind, (int Checked, int Failed)> _counts = Enum.GetValues<ClaimKind>().ToDictionary(k => k, _ => (0, 0));
    private readonly List<ClaimFailure> _failures = [];

    /// <summary>How many claims of each kind were checked and how many were false.</summary>
    public IReadOnlyDictionary<ClaimKind, (int Checked, int Failed)> Counts { get { lock (_gate) return new Dictionary<ClaimKind, (int, int)>(_counts); } }

    /// <summary>The false claims, in the order found.</summary>
    public IReadOnlyList<ClaimFailure> Failures { get { lock (_gate) return _failures.ToList(); } }

    /// <summary>Whether every claim checked was true.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Records one claim of <paramref name="kind"/>: true, or false with why.</summary>
    public void Check(ClaimKind kind, bool holds, string where, Func<string> why)
    {
        lock (_gate)
        {
            var (c, f) = _counts[kind];
            _counts[kind] = (c + 1, holds ? f : f + 1);
            if (!holds) _failures.Add(new ClaimFailure(kind, where, why()));
        }
    }

    /// <summary>One line per kind: "Target  checked 1071  false 82".</summary>
    public IEnumerable<string> Table() => Counts.Select(kv =>
        string.Create(CultureInfo.InvariantCulture, $"{kv.Key,-11} checked {kv.Value.Checked,7:#,0}  false {kv.Value.Failed,6:#,0}"));
}
