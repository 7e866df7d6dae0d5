namespace Qp.Tests.Shared;

/// <summary>The distribution's Chromium, which the browser tests drive through Playwright (it never downloads a browser of its own).</summary>
public static class Chromium
{
    /// <summary>The browser's path: $QP_CHROMIUM, or Debian's /usr/bin/chromium.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("QP_CHROMIUM") is { Length: > 0 } env ? env : "/usr/bin/chromium";

    /// <summary>Whether the browser is installed.</summary>
    public static bool Present => File.Exists(Path);
}

/// <summary>A fact that needs Chromium; skipped, saying how to install it, when the browser is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Present)
            Skip = $"{Chromium.Path} is absent: install the browser with 'apt-get install chromium' (or set QP_CHROMIUM to another Chromium) to run this test";
    }
}
