namespace Qp.Domain.Validation;

/// <summary>How serious a validation finding is.</summary>
public enum Severity
{
    /// <summary>Rejects the submission.</summary>
    Error,

    /// <summary>Reported and stored; the submission is accepted.</summary>
    Warning,
}

/// <summary>One validation finding, located in the submitted file as a compiler locates an error.</summary>
/// <param name="File">The file name (without folder) the finding is in.</param>
/// <param name="Line">The 1-based line in the file (for XML, the element's line); 0 when the finding concerns the whole file.</param>
/// <param name="Column">The 1-based column (field) number; 0 when the finding concerns the whole row or file.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The code the finding is reported under: in the DfE's years (2022-23 on) the DfE's code when the DfE has the check, else the tool's own (e.g. E204).</param>
/// <param name="Message">The message, naming the offending value.</param>
public sealed record ValidationMessage(string File, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>The CHILD of the row the finding is on, or null when it concerns a file or a row without one.</summary>
    public string? Child { get; init; }

    /// <summary>The column the finding is on, or null when it concerns a whole row or file.</summary>
    public string? Field { get; init; }

    /// <summary>True when <see cref="Code"/> is the tool's own in a DfE year (the DfE has no rule for the check).</summary>
    public bool Own { get; init; }

    /// <summary>The compiler-style form, e.g. "Episodes.csv:14:4: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)".</summary>
    /// <remarks>Always one line: the file name and message are cut and their control characters escaped (<see cref="Text.EchoText"/>).</remarks>
    public override string ToString() => ToString(markOwn: false);

    /// <summary>The compiler-style form, with "(qp)" after a code that is the tool's own in a DfE year when <paramref name="markOwn"/> is true.</summary>
    public string ToString(bool markOwn) =>
        $"{Text.EchoText.Escape(File, 255)}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")} {Code}{(markOwn && Own ? " (qp)" : "")}: {Text.EchoText.Escape(Message)}";
}
