using Microsoft.Data.Sqlite;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli;

/// <summary>Locates the templates folder (authorities and the indicator catalogue) shipped beside the tool.</summary>
public static class Templates
{
    /// <summary>The templates folder: $QP_TEMPLATES when set (it must be a folder: a usage error otherwise), else the one copied beside the executable.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("QP_TEMPLATES") is { Length: > 0 } env
            ? Directory.Exists(env) ? env : throw new UsageException($"QP_TEMPLATES={env}: no such folder; point it at a templates folder (authorities.csv, indicators/) or unset it")
            : Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>templates/authorities.csv.</summary>
    public static string AuthoritiesCsv => Path.Combine(Folder, "authorities.csv");

    /// <summary>templates/indicators.</summary>
    public static string IndicatorsFolder => Path.Combine(Folder, "indicators");

    /// <summary>Loads templates/authorities.csv into a store that has no authorities yet.</summary>
    public static void EnsureAuthorities(SqliteConnection conn)
    {
        if (AuthorityStore.Authorities(conn).Count > 0) return;
        AuthorityStore.ReplaceAuthorities(conn, AuthoritiesFile.Read(AuthoritiesCsv));
    }
}
