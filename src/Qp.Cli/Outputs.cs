using Qp.Export;

namespace Qp.Cli;

/// <summary>What every report and export command checks before writing: an output never overwrites an input.</summary>
public static class Outputs
{
    /// <summary>The tool's inputs for a store: the database and its journal files, and every template file.</summary>
    public static IReadOnlyList<string> Inputs(string db) =>
    [
        db, db + "-wal", db + "-shm", db + "-journal",
        .. Directory.Exists(Templates.Folder) ? Directory.GetFiles(Templates.Folder, "*", SearchOption.AllDirectories) : [],
    ];

    /// <summary>Refuses (a usage error) to write <paramref name="output"/> when it is one of the inputs or a link to one.</summary>
    public static void RefuseInputs(string output, string db)
    {
        if (OutputGuard.InputAt(output, Inputs(db)) is { } input)
            throw new UsageException($"--out {output} would overwrite the input {input}; reports never overwrite an input");
    }
}
