namespace Qp.Domain.Indicators.Calculators;

/// <summary>The SSDA903 code groups the indicator definitions of SPEC §4 test against.</summary>
public static class CareCodes
{
    /// <summary>Whether a legal status is a short break (V3 or V4); such episodes are dropped before any counting.</summary>
    public static bool IsShortBreak(string? ls) => Is(ls, "V3") || Is(ls, "V4");

    /// <summary>Whether a placement is temporary (T0–T4: hospital, holiday, carer's holiday, seven days or less).</summary>
    public static bool IsTemporary(string? place) =>
        place is { Length: 2 } p && (p[0] == 'T' || p[0] == 't') && p[1] >= '0' && p[1] <= '4';

    /// <summary>Whether a placement is placed for adoption (A3–A6).</summary>
    public static bool IsPlacedForAdoption(string? place) =>
        place is { Length: 2 } p && (p[0] == 'A' || p[0] == 'a') && p[1] >= '3' && p[1] <= '6';

    /// <summary>Whether a placement is foster care (U1–U6, or the legacy Q1 and Q2) or placed for adoption (A3–A6), as B7 counts.</summary>
    public static bool IsFosterOrAdoption(string? place)
    {
        if (place is not { Length: 2 } p) return false;
        char kind = char.ToUpperInvariant(p[0]);
        return (kind == 'U' && p[1] >= '1' && p[1] <= '6') || (kind == 'Q' && p[1] is '1' or '2') || IsPlacedForAdoption(p);
    }

    /// <summary>Whether a reason for new episode starts a new placement with a new carer (S, P or B), the only ones that count as a placement.</summary>
    public static bool IsNewCarer(string? rne) => Is(rne, "S") || Is(rne, "P") || Is(rne, "B");

    /// <summary>Whether a reason for new episode is S, the start of a period of care.</summary>
    public static bool IsStartOfCare(string? rne) => Is(rne, "S");

    /// <summary>Whether a reason an episode ceased is adoption (E11 or E12).</summary>
    public static bool IsAdoption(string? rec) => Is(rec, "E11") || Is(rec, "E12");

    /// <summary>Whether a reason an episode ceased is X1: the episode ceases and a new one starts the same day.</summary>
    public static bool IsContinuing(string? rec) => Is(rec, "X1");

    private static bool Is(string? code, string expected) => string.Equals(code?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
