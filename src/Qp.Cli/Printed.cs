using Qp.Domain.Text;
using Qp.Domain.Validation;
using Qp.Import.ChildLevel;
using Qp.Pipeline.Reference;

namespace Qp.Cli;

/// <summary>How the pipeline's findings and outcomes are printed, the same way by every command.</summary>
internal static class Printed
{
    /// <summary>A message as printed: with several returns in one run, the file is named inside its return's folder (805_2001/Episodes.csv:14:4: …) so that every line says whose it is.</summary>
    /// <remarks>With <paramref name="markOwn"/>, a code that is the tool's own in a DfE year is followed by "(qp)".</remarks>
    public static string Located(Submission s, ValidationMessage m, bool several, bool markOwn = false) =>
        several && s.Format == SubmissionFormat.CsvFolder ? $"{s.Name}/{m.ToString(markOwn)}" : m.ToString(markOwn);

    /// <summary>Prints a reference file's outcome: what was stored on stdout, or every error (at most 200) and the rejection on stderr.</summary>
    public static void Reference(ReferenceOutcome o)
    {
        string names = string.Join(", ", o.Paths.Select(Path.GetFileName));
        if (o.Accepted)
        {
            Console.Out.WriteLine($"{names}: {o.Summary}");
            foreach (var n in o.Notes) Console.Out.WriteLine($"{names}: note: {n}");
        }
        else if (o.Unreadable is { } why)
        {
            Console.Error.WriteLine($"{names}: cannot be read: {EchoText.Escape(why)}");
            Console.Error.WriteLine($"{names}: rejected; the database is unchanged");
        }
        else
        {
            // Every error is printed, located; nothing was written, so the store is unchanged.
            foreach (var e in o.Errors.Take(200)) Console.Error.WriteLine(e);
            if (o.Errors.Count > 200) Console.Error.WriteLine($"… and {o.Errors.Count - 200} more");
            Console.Error.WriteLine($"{names}: rejected with {o.Errors.Count} error(s); the database is unchanged");
        }
    }
}
