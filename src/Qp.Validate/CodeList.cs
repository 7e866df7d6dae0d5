using System.Collections.Concurrent;

namespace Qp.Validate;

/// <summary>A code list whose codes each have the collection years they are valid in; lookups are case-insensitive.</summary>
public sealed class CodeList
{
    private readonly (string Code, YearsInForce Years)[] entries;
    private readonly ConcurrentDictionary<int, IReadOnlySet<string>> byYear = new();

    /// <summary>Creates a code list from codes and the years each is valid.</summary>
    public CodeList(params (string Code, YearsInForce Years)[] entries) => this.entries = entries;

    /// <summary>A list whose codes are valid in every year.</summary>
    public static CodeList Of(params string[] codes) => new(codes.Select(c => (c, YearsInForce.Always)).ToArray());

    /// <summary>This list with <paramref name="codes"/> added, valid in <paramref name="years"/>.</summary>
    public CodeList With(YearsInForce years, params string[] codes) => new([.. entries, .. codes.Select(c => (c, years))]);

    /// <summary>The codes valid in collection year <paramref name="year"/>.</summary>
    public IReadOnlySet<string> In(int year) =>
        // Rules ask once per row: the look-up must not allocate (a capturing factory delegate would, on every call).
        byYear.TryGetValue(year, out var codes) ? codes : byYear.GetOrAdd(year, static (y, list) =>
            new HashSet<string>(list.entries.Where(e => e.Years.Contains(y)).Select(e => e.Code), StringComparer.OrdinalIgnoreCase), this);

    /// <summary>Whether <paramref name="code"/> is valid in collection year <paramref name="year"/>.</summary>
    public bool Contains(string code, int year) => In(year).Contains(code);

    /// <summary>Every code of any year, in order.</summary>
    public IReadOnlyList<string> AllCodes => entries.Select(e => e.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>How the list changes by year, for rule descriptions, e.g. "1 2 (up to 2023-24); M F (from 2024-25)".</summary>
    public string Describe()
    {
        var groups = entries.GroupBy(e => e.Years).ToArray();
        if (groups.Length == 1 && groups[0].Key == YearsInForce.Always) return string.Join(" ", groups[0].Select(e => e.Code));
        return string.Join("; ", groups.Select(g => g.Key == YearsInForce.Always
            ? string.Join(" ", g.Select(e => e.Code))
            : $"{string.Join(" ", g.Select(e => e.Code))} ({g.Key})"));
    }
}
