using System.CommandLine;
using Microsoft.Data.Sqlite;
using Qp.Store;

namespace Qp.Cli;

/// <summary>Exit codes of SPEC §7.</summary>
public static class ExitCode
{
    public const int Success = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int Failure = 3;
}

/// <summary>A mistake in how the command was called (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Input that validation rejected; the messages have already been printed (exit code 1).</summary>
public sealed class RejectedException(string message) : Exception(message);

/// <summary>What every command shares: the store option, console streams, and the mapping of failures to exit codes.</summary>
public static class Cli
{
    /// <summary>--db FILE, on every command that uses the store (and only those: an option a command would ignore is not offered).</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The store, an SQLite file (default qp.db): qp import creates it; compute, reports and export need it to exist",
        DefaultValueFactory = _ => "qp.db",
    };

    /// <summary>The store this run opened, named in database errors.</summary>
    private static string? storePath;

    /// <summary>Whether progress may be drawn: only on a terminal, never when output is redirected.</summary>
    public static bool ShowProgress => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>The store this run created (there was no file, or an empty one, before), removed again if the command fails having stored nothing.</summary>
    private static string? createdStore;

    /// <summary>Opens the store named by --db for writing (created and migrated when needed).</summary>
    public static SqliteConnection OpenStore(ParseResult parse)
    {
        storePath = StorePath(parse);
        if (!File.Exists(storePath) && !LocalFile.IsLink(storePath) || LocalFile.KindOf(storePath) == FileKind.Regular && new FileInfo(storePath).Length == 0)
            createdStore = storePath;
        var conn = QpDatabase.Open(storePath);
        Templates.EnsureAuthorities(conn);
        return conn;
    }

    /// <summary>Opens the store named by --db read-only (reports, export): it must exist, and nothing in it or beside it is changed.</summary>
    /// <param name="parse">The command's parse result.</param>
    /// <param name="firstRun">What to run first when there is no store, e.g. "qp import and qp compute".</param>
    public static SqliteConnection OpenStoreReadOnly(ParseResult parse, string firstRun)
    {
        storePath = StorePath(parse);
        if (Directory.Exists(storePath)) throw new UsageException($"--db {parse.GetValue(Db)} is a folder; give the store's file");
        if (!File.Exists(storePath)) throw new UsageException($"no store at {storePath}: run {firstRun} first (or give --db)");
        return QpDatabase.OpenReadOnly(storePath);
    }

    /// <summary>--db as a full path; an empty one, or a pipe or device (which SQLite would wait on or read forever), is a usage error.</summary>
    // --db as a full path; an empty one, or a pipe or device (which SQLite would wait on or read forever), is a usage error.
    public static string StorePath(ParseResult parse)
    {
        var given = parse.GetValue(Db);
        if (string.IsNullOrWhiteSpace(given)) throw new UsageException("--db is empty: give the store's file, e.g. --db qp.db");
        var full = Path.GetFullPath(given);
        if (LocalFile.KindOf(full) is FileKind.Pipe or FileKind.Device or FileKind.Other)
            throw new UsageException($"--db {given}: {LocalFile.NotARegularFile(full)}");
        return full;
    }

    // A command that failed and stored nothing leaves no store it created behind (e.g. importing an empty folder into a new --db).
    private static void RemoveBareStore()
    {
        if (createdStore is not { } db || !File.Exists(db)) return;
        // A WAL store's -wal and -shm files exist while any connection has it open: another qp (a concurrent import) may be filling it.
        if (File.Exists(db + "-wal") || File.Exists(db + "-shm")) return;
        try
        {
            using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                conn.Open();
                // authorities and schema_version are filled on creation; anything else means something was stored.
                var tables = new List<string>();
                using (var cmd = conn.CreateCommand())
                {
                    cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('authorities', 'schema_version') AND name NOT LIKE 'sqlite_%'";
                    using var r = cmd.ExecuteReader();
                    while (r.Read()) tables.Add(r.GetString(0));
                }
                foreach (var t in tables)
                {
                    using var cmd = conn.CreateCommand();
                    cmd.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{t}\")";
                    if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0) return;
                }
            }
            foreach (var f in new[] { db, db + "-wal", db + "-shm", db + "-journal" }) File.Delete(f);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Best effort: a store that cannot be checked or removed is left as it is.
        }
    }

    /// <summary>Adds an action that runs <paramref name="body"/> and maps its failures to exit codes.</summary>
    public static Command WithAction(this Command command, Func<ParseResult, int> body)
    {
        command.SetAction(parse => Run(() => body(parse)));
        return command;
    }

    /// <summary>Parses and invokes; parse errors are usage errors (exit 2).</summary>
    public static int Invoke(RootCommand root, string[] args)
    {
        storePath = null;
        createdStore = null;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"qp: {InUsersWords(e.Message)}");
            Console.Error.WriteLine("Try 'qp --help' or 'qp COMMAND --help'.");
            return ExitCode.Usage;
        }
        int code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        if (code != ExitCode.Success) RemoveBareStore();
        return code;
    }

    /// <summary>Runs a command body: known failures become messages and exit codes, never stack traces.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.Count > 0)
        {
            // Parallel work (all packs at once) fails with the first of its failures, reported as if it had happened alone.
            var first = e.Flatten().InnerExceptions[0];
            return Run(() =>
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
                return 0;
            });
        }
        catch (UsageException e) { return Fail(ExitCode.Usage, e.Message); }
        catch (RejectedException e) { return Fail(ExitCode.Rejected, e.Message); }
        catch (Qp.Pipeline.RequestException e) { return Fail(ExitCode.Usage, e.Message); }
        catch (Qp.Pipeline.InputRejectedException e) { return Fail(ExitCode.Rejected, e.Message); }
        catch (Commands.StepFailedException e) { return Fail(e.ExitCode, e.Message); }
        catch (StoreException e) { return Fail(ExitCode.Failure, e.Message); }
        catch (SqliteException e) when (e.SqliteErrorCode == 8)
        {
            return Fail(ExitCode.Failure, $"{storePath ?? "the store"}: the store is read-only here; import and compute need write access to the file and its folder");
        }
        catch (SqliteException e) { return Fail(ExitCode.Failure, $"{storePath ?? "the store"}: database error: {e.Message}"); }
        catch (IOException e) { return Fail(ExitCode.Failure, Debug(e) ?? e.Message); }
        catch (UnauthorizedAccessException e) { return Fail(ExitCode.Failure, e.Message); }
        catch (Exception e)
        {
            // Unexpected: a bug. Say so plainly; the trace only on request.
            return Fail(ExitCode.Failure, Environment.GetEnvironmentVariable("QP_DEBUG") is null
                ? $"internal error: {e.GetType().Name}: {e.Message} (set QP_DEBUG=1 for details)"
                : e.ToString());
        }
    }

    // System.CommandLine names .NET types ("Cannot parse argument 'x' for option '--seed' as expected type 'System.Int32'"): say what a valid value looks like.
    internal static string InUsersWords(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<v>.*)' for (?:option|argument) '(?<o>[^']*)' as expected type '(?<t>[^']*)'");
        if (!m.Success) return message;
        var kind = m.Groups["t"].Value switch
        {
            var t when t.Contains("Int32", StringComparison.Ordinal) || t.Contains("Int64", StringComparison.Ordinal) => "a whole number, e.g. 10",
            var t when t.Contains("Boolean", StringComparison.Ordinal) => "true or false (or leave the value out)",
            var t when t.Contains("Double", StringComparison.Ordinal) => "a number, e.g. 2.5",
            _ => "a value of the kind shown by --help",
        };
        return $"{m.Groups["o"].Value} '{m.Groups["v"].Value}' is not valid: give {kind}";
    }

    private static string? Debug(Exception e) => Environment.GetEnvironmentVariable("QP_DEBUG") is null ? null : e.ToString();

    private static int Fail(int code, string message)
    {
        // One line whatever the message quotes (a path with a newline in it cannot forge a second line); QP_DEBUG's trace is left whole.
        Console.Error.WriteLine($"qp: {(message.Contains("   at ", StringComparison.Ordinal) ? message : Domain.Text.EchoText.Escape(message, 4000))}");
        return code;
    }
}
