using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Import.ChildLevel;
using Qp.Import.Reference;
using Qp.Pipeline.Reference;
using Qp.Pipeline.Returns;
using Qp.Validate;

namespace Qp.Pipeline.Validating;

/// <summary>What to validate.</summary>
/// <param name="Paths">Return folders or files, or folders of NNN_YYYY returns.</param>
/// <param name="La">The authority of a single return whose name does not say it, or null.</param>
/// <param name="Year">The collection year of a single return whose name does not say it, or null.</param>
/// <param name="Previous">Last year's return of the same authority (for the previous-year rules) instead of the stored one, or null.</param>
/// <param name="EveryMessage">Whether to keep every message (no cap per rule and per file).</param>
public sealed record ValidationRequest(IReadOnlyList<string> Paths, int? La, int? Year, string? Previous, bool EveryMessage);

/// <summary>One return's validation.</summary>
/// <param name="La">Its authority, when known.</param>
/// <param name="Report">Every finding, located.</param>
/// <param name="NotRun">Which rules could not run for want of reference data or last year's return, or null when all ran.</param>
public sealed record ReturnValidation(int? La, ValidationReport Report, string? NotRun);

/// <summary>The returns' validations, and the paths given that were not read at all.</summary>
/// <param name="Returns">Each return's validation, in the order given.</param>
/// <param name="Refused">A located message for each path that was not read (a pipe, a device).</param>
public sealed record ValidationRun(IReadOnlyList<ReturnValidation> Returns, IReadOnlyList<string> Refused)
{
    /// <summary>Whether every return was accepted and every path read.</summary>
    public bool Accepted => Refused.Count == 0 && Returns.All(r => r.Report.Accepted);
}

/// <summary>The validate step of the annual return: checks returns against their year's rules and stores nothing.</summary>
public static class ReturnsValidator
{
    /// <summary>Validates every return <paramref name="request"/> names, with last year's returns and the reference data from <paramref name="store"/> when given.</summary>
    /// <param name="request">What to validate.</param>
    /// <param name="store">A store opened read-only (last year's returns, the postcode directory, Ofsted's lists), or null.</param>
    /// <param name="authorities">The authorities a return may belong to.</param>
    /// <param name="starting">Called before each return is read (for progress), or null.</param>
    /// <exception cref="RequestException">A return whose authority or year cannot be settled, or a --previous that names no single return.</exception>
    /// <exception cref="InputRejectedException">Last year's return given in <see cref="ValidationRequest.Previous"/> cannot be read.</exception>
    public static ValidationRun Validate(ValidationRequest request, SqliteConnection? store, IReadOnlyList<Authority> authorities, Action<Submission>? starting = null)
    {
        ReturnPaths.RefuseOverrideOfSeveral(request.Paths, request.La, request.Year);
        var refused = request.Paths.Select(ReturnPaths.NotReadable).OfType<string>().ToList();
        var submissions = request.Paths.Where(p => ReturnPaths.NotReadable(p) is null).SelectMany(ReturnPaths.Find).ToArray();
        var resolved = submissions.Select(s => (s, ReturnPaths.Resolve(s, request.La, request.Year, authorities, laRequired: true))).ToArray();
        var previousPath = request.Previous;
        if (previousPath is not null && !File.Exists(previousPath) && !Directory.Exists(previousPath)) throw new RequestException($"{previousPath}: no such file or folder");
        if (previousPath is not null && resolved.Length != 1) throw new RequestException("--previous needs exactly one return to validate");
        if (previousPath is not null && Submission.Find(previousPath).Count != 1) throw new RequestException($"{previousPath}: --previous must name exactly one return");
        var reference = ReferenceSet.Load(store, lazy: true);
        var reports = new List<ReturnValidation>();
        foreach (var (s, (code, y)) in resolved)
        {
            starting?.Invoke(s);
            var last = previousPath is not null ? PreviousFromFiles(previousPath, y - 1, store, code)
                : store is not null && code is { } la ? PreviousReturns.FromStore(store, la, y - 1) : null;
            using (reference.Use(code, authorities))
                reports.Add(new(code, SubmissionReader.Validate(s, y, ReturnPaths.Today, last, request.EveryMessage),
                    RuleNeeds.NotRun(y, !PostcodeDirectory.Current.IsEmpty, !ProviderDirectory.Current.IsEmpty, last is not null)));
        }
        return new ValidationRun(reports, refused);
    }

    /// <summary>The store's authorities when it holds any, else those in the shipped table <paramref name="shippedCsv"/>.</summary>
    public static IReadOnlyList<Authority> Authorities(SqliteConnection? store, string shippedCsv)
    {
        IReadOnlyList<Authority> stored = store is null ? [] : Qp.Store.AuthorityStore.Authorities(store);
        return stored.Count > 0 ? stored.ToList() : AuthoritiesFile.Read(shippedCsv);
    }

    // A previous year that cannot be read rejects the validation: taking it as an empty year would hide every previous-year finding.
    // The store's returns for the years before it still say how far back the authority's history is known (1001, 1002).
    private static PreviousReturn PreviousFromFiles(string path, int year, SqliteConnection? store, int? la)
    {
        try
        {
            var submission = Submission.Find(path).Single();
            if (store is null || la is not { } code) return PreviousReturns.FromFiles(submission, year);
            var (earlier, from) = Qp.Store.ChildReturnStore.HistoryBefore(store, code, year);
            return PreviousReturns.FromFiles(submission, year, from, earlier);
        }
        catch (InvalidDataException e)
        {
            throw new InputRejectedException($"--previous {path}: {e.Message}");
        }
    }
}
