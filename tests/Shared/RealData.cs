namespace Qp.Tests.Shared;

/// <summary>Locates ../shared/real-data (the published DfE files) beside the repository, or $QP_REAL_DATA.</summary>
public static class RealData
{
    // Declared first: static initialisers run in order, and Find() needs RepoRoot.
    /// <summary>The repository root: the folder holding QpReporting.sln above the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The real-data folder, or null when this machine has none (a user's fresh clone).</summary>
    public static string? Folder { get; } = Find();

    /// <summary>The path of a file in the real-data folder; only call from a <see cref="RealDataFactAttribute"/> test.</summary>
    public static string File(string name) => Path.Combine(Folder ?? throw new InvalidOperationException("no real data"), name);


    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("QP_REAL_DATA") is { Length: > 0 } env) return Directory.Exists(env) ? env : null;
        var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "real-data"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (System.IO.File.Exists(Path.Combine(d.FullName, "QpReporting.sln"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A fact that needs ../shared/real-data; skipped, saying why, when the folder is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Folder is null)
            Skip = "../shared/real-data is absent (a fresh clone has no shared folder); set QP_REAL_DATA to run this test";
    }
}
