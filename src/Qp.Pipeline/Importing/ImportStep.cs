using Qp.Import.ChildLevel;
using Qp.Pipeline.Reference;

namespace Qp.Pipeline.Importing;

/// <summary>One thing an import did, reported as it happens, in the order of the paths given.</summary>
public abstract record ImportStep;

/// <summary>A reference file (or Ofsted's provider lists, given together) was stored or rejected.</summary>
/// <param name="Outcome">What was stored, or why not.</param>
public sealed record ReferenceImported(ReferenceOutcome Outcome) : ImportStep;

/// <summary>A path given was not read at all (a pipe, a device): a located message saying why.</summary>
/// <param name="Message">The located message.</param>
public sealed record PathRefused(string Message) : ImportStep;

/// <summary>A child-level return was validated and stored, found unchanged, or rejected.</summary>
/// <param name="Submission">The return.</param>
/// <param name="La">Its authority.</param>
/// <param name="Year">Its collection year.</param>
/// <param name="Result">The validation report and what was stored.</param>
/// <param name="OneOfSeveral">Whether its path held several returns (a folder of NNN_YYYY returns), so that messages must say whose they are.</param>
public sealed record ReturnImported(Submission Submission, int La, int Year, ImportResult Result, bool OneOfSeveral) : ImportStep;

/// <summary>How many returns and reference files an import stored, refused or found unchanged, and the warnings on stored returns.</summary>
public sealed class ImportTotals
{
    /// <summary>Returns and reference files stored (new or replacing).</summary>
    public int Accepted { get; internal set; }

    /// <summary>Returns and reference files refused (nothing of them stored).</summary>
    public int Rejected { get; internal set; }

    /// <summary>Returns identical to the one already stored.</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Warnings on the child-level returns read.</summary>
    public int Warnings { get; internal set; }

    /// <summary>The closing line a person reads, e.g. "import: 3 accepted, 0 rejected, 1 unchanged; 2 warning(s)".</summary>
    public string Line(string command) =>
        $"{command}: {Accepted} accepted, {Rejected} rejected, {Unchanged} unchanged; {Warnings} warning(s)";

    internal void Count(ImportStep step)
    {
        switch (step)
        {
            case ReferenceImported r when r.Outcome.Accepted: Accepted += r.Outcome.Paths.Count; break;
            case ReferenceImported r: Rejected += r.Outcome.Paths.Count; break;
            case PathRefused: Rejected++; break;
            case ReturnImported x:
                Warnings += x.Result.Report.Warnings;
                if (x.Result.Outcome is null) Rejected++;
                else if (x.Result.Outcome == Qp.Store.ImportOutcome.Unchanged) Unchanged++;
                else Accepted++;
                break;
        }
    }
}
