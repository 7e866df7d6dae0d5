namespace Qp.Tests.Shared;

/// <summary>The switch for the long runs (fuzz at 10,000 cases, all 153 packs, England-scale editions): QP_LONG_TESTS=1.</summary>
public static class LongRun
{
    /// <summary>The environment variable that turns the long runs on.</summary>
    public const string Variable = "QP_LONG_TESTS";

    /// <summary>True when QP_LONG_TESTS=1: tests use their full sizes and the long facts run.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The size a test uses: its own variable when set, else <paramref name="full"/> in a long run, else <paramref name="quick"/>.</summary>
    public static int Size(string? variable, int quick, int full)
    {
        if (variable is not null && int.TryParse(Environment.GetEnvironmentVariable(variable), out int n) && n > 0) return n;
        return Enabled ? full : quick;
    }
}

/// <summary>A fact that runs only in a long run (QP_LONG_TESTS=1); skipped, saying how to run it, otherwise.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (!LongRun.Enabled)
            Skip = "a long run: set QP_LONG_TESTS=1 to run it (see docs/testing.md)";
    }
}
