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
    /// <summary>--db FILE, on every command.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The SQLite store (created and migrated on first use)",
        DefaultValueFactory = _ => "qp.db",
        Recursive = true,
    };

    /// <summary>Whether progress may be drawn: only on a terminal, never when output is redirected.</summary>
    public static bool ShowProgress => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Opens the store named by --db.</summary>
    public static SqliteConnection OpenStore(ParseResult parse)
    {
        var conn = QpDatabase.Open(parse.GetValue(Db)!);
        Templates.EnsureAuthorities(conn);
        return conn;
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
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"qp: {e.Message}");
            Console.Error.WriteLine("Try 'qp --help' or 'qp COMMAND --help'.");
            return ExitCode.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command body: known failures become messages and exit codes, never stack traces.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e) { return Fail(ExitCode.Usage, e.Message); }
        catch (RejectedException e) { return Fail(ExitCode.Rejected, e.Message); }
        catch (Commands.StepFailedException e) { return Fail(e.ExitCode, e.Message); }
        catch (StoreException e) { return Fail(ExitCode.Failure, e.Message); }
        catch (SqliteException e) { return Fail(ExitCode.Failure, $"database error: {e.Message}"); }
        catch (IOException e) { return Fail(ExitCode.Failure, e.Message); }
        catch (UnauthorizedAccessException e) { return Fail(ExitCode.Failure, e.Message); }
        catch (Exception e)
        {
            // Unexpected: a bug. Say so plainly; the trace only on request.
            return Fail(ExitCode.Failure, Environment.GetEnvironmentVariable("QP_DEBUG") is null
                ? $"internal error: {e.GetType().Name}: {e.Message} (set QP_DEBUG=1 for details)"
                : e.ToString());
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"qp: {message}");
        return code;
    }
}
