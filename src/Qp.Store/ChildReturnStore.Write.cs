using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;
using Qp.Domain.Validation;

namespace Qp.Store;

/// <summary>One file (or one table of a file) of an import, as recorded in import_files.</summary>
/// <param name="FileName">The file name (without folder).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Table">The table read from it, or null.</param>
/// <param name="RowCount">Data rows read.</param>
public sealed record ImportFile(string FileName, string Sha256, string? Table, int RowCount);

/// <summary>What happened to a child-level submission.</summary>
public enum ImportOutcome
{
    /// <summary>Stored; there was no earlier return for the authority and year.</summary>
    Accepted,

    /// <summary>Stored in place of an earlier return for the authority and year.</summary>
    Replaced,

    /// <summary>Identical to the current return (same content hash): nothing was written.</summary>
    Unchanged,
}

public static partial class ChildReturnStore
{
    /// <summary>The content hash of the import behind the current return for the authority and year, or null when there is none.</summary>
    public static string? CurrentContentHash(SqliteConnection conn, int laCode, int year) =>
        SqlRows.Read(conn, "SELECT i.content_hash FROM submissions s JOIN imports i ON i.id = s.import_id WHERE s.la_code = $la AND s.year = $y",
            r => r.TextOrNull(0), ("$la", laCode), ("$y", year)).FirstOrDefault();

    /// <summary>
    /// Starts storing a return for an authority and year in one transaction: records the import and its files, deletes the
    /// earlier return (its rows cascade) and creates the new submission. Add rows to the writer, then <see cref="SubmissionWriter.Commit"/>;
    /// disposing without committing leaves the store as it was.
    /// </summary>
    public static SubmissionWriter BeginSubmission(SqliteConnection conn, int laCode, int year, string contentHash, IReadOnlyList<ImportFile> files) =>
        new(conn, laCode, year, contentHash, files);
}

/// <summary>Writes one submission's rows inside its transaction with one prepared statement per table, reused for every row (<see cref="RawInsert"/>).</summary>
public sealed class SubmissionWriter : IDisposable
{
    private readonly SqliteConnection conn;
    private readonly SqliteTransaction tx;
    private readonly long importId;
    private readonly long submissionId;
    private readonly int laCode, year;
    private readonly RawInsert children, episodes, oc1, oc2, cpr, other;
    private bool committed;

    /// <summary>The outcome the submission will have when committed.</summary>
    public ImportOutcome Outcome { get; }

    internal SubmissionWriter(SqliteConnection conn, int laCode, int year, string contentHash, IReadOnlyList<ImportFile> files)
    {
        this.conn = conn;
        this.laCode = laCode;
        this.year = year;
        tx = conn.BeginTransaction();
        try
        {
            long? old = Scalar("SELECT id FROM submissions WHERE la_code = $la AND year = $y", ("$la", laCode), ("$y", year));
            Outcome = old is null ? ImportOutcome.Accepted : ImportOutcome.Replaced;
            importId = Scalar("INSERT INTO imports(kind, la_code, year, imported_at, outcome, content_hash) VALUES ('child-level', $la, $y, $t, $o, $h) RETURNING id",
                ("$la", laCode), ("$y", year), ("$t", DateTime.UtcNow.ToString("O")), ("$o", Outcome == ImportOutcome.Accepted ? "accepted" : "replaced"), ("$h", contentHash))!.Value;
            using (var f = new Insert(conn, tx, "INSERT INTO import_files(import_id, file_name, sha256, table_name, row_count) VALUES ($1, $2, $3, $4, $5)", 5))
                foreach (var file in files) f.Run(importId, file.FileName, file.Sha256, file.Table, file.RowCount);
            // ON DELETE CASCADE removes the old return's rows in this same transaction.
            Scalar("DELETE FROM submissions WHERE la_code = $la AND year = $y", ("$la", laCode), ("$y", year));
            submissionId = Scalar("INSERT INTO submissions(la_code, year, import_id) VALUES ($la, $y, $i) RETURNING id", ("$la", laCode), ("$y", year), ("$i", importId))!.Value;
            children = new RawInsert(conn, "INSERT INTO children(submission_id, child, sex, dob, ethnic, upn, mother, mc_dob) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
            episodes = new RawInsert(conn, "INSERT INTO episodes(submission_id, child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn) " +
                                           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)");
            oc1 = new RawInsert(conn, "INSERT INTO oc1(submission_id, child, dob, qual_gcse_gnvq, qual_5ac) VALUES ($1, $2, $3, $4, $5)");
            oc2 = new RawInsert(conn, "INSERT INTO oc2(submission_id, child, dob, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check, " +
                                      "health_assessment, substance_misuse, intervention_received, intervention_offered) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
            cpr = new RawInsert(conn, "INSERT INTO cpr(submission_id, child, dob, reg_date, dereg_date, category, prev_reg) VALUES ($1, $2, $3, $4, $5, $6, $7)");
            other = new RawInsert(conn, "INSERT INTO other_rows(submission_id, table_name, row_json) VALUES ($1, $2, $3)");
        }
        catch
        {
            tx.Dispose();
            throw;
        }
    }

    /// <summary>Adds a Header row.</summary>
    public void Add(ChildHeader h)
    {
        var r = children;
        r.Int(1, submissionId);
        r.Text(2, h.Child);
        r.Text(3, h.Sex);
        r.Date(4, h.Dob);
        r.Text(5, h.Ethnic);
        r.Text(6, h.Upn);
        r.Text(7, h.Mother);
        r.Date(8, h.McDob);
        r.Run();
    }

    /// <summary>Adds an episode.</summary>
    public void Add(Episode e)
    {
        var r = episodes;
        r.Int(1, submissionId);
        r.Text(2, e.Child);
        r.Date(3, e.Decom);
        r.Text(4, e.Rne);
        r.Text(5, e.Ls);
        r.Text(6, e.Cin);
        r.Text(7, e.Place);
        r.Text(8, e.PlaceProvider);
        r.Date(9, e.Dec);
        r.Text(10, e.Rec);
        r.Text(11, e.ReasonPlaceChange);
        r.Text(12, e.HomePost);
        r.Text(13, e.PlPost);
        r.Text(14, e.Urn);
        r.Run();
    }

    /// <summary>Adds an OC1 row.</summary>
    public void Add(Oc1Record o)
    {
        var r = oc1;
        r.Int(1, submissionId);
        r.Text(2, o.Child);
        r.Date(3, o.Dob);
        r.Flag(4, o.QualGcseGnvq);
        r.Flag(5, o.Qual5Ac);
        r.Run();
    }

    /// <summary>Adds an OC2 row.</summary>
    public void Add(Oc2Record o)
    {
        var r = oc2;
        r.Int(1, submissionId);
        r.Text(2, o.Child);
        r.Date(3, o.Dob);
        r.Int(4, o.SdqScore);
        r.Text(5, o.SdqReason);
        r.Flag(6, o.Convicted);
        r.Flag(7, o.HealthCheck);
        r.Flag(8, o.Immunisations);
        r.Flag(9, o.TeethCheck);
        r.Flag(10, o.HealthAssessment);
        r.Flag(11, o.SubstanceMisuse);
        r.Flag(12, o.InterventionReceived);
        r.Flag(13, o.InterventionOffered);
        r.Run();
    }

    /// <summary>Adds a child protection registration.</summary>
    public void Add(CprRecord c)
    {
        var r = cpr;
        r.Int(1, submissionId);
        r.Text(2, c.Child);
        r.Date(3, c.Dob);
        r.Date(4, c.RegDate);
        r.Date(5, c.DeregDate);
        r.Text(6, c.Category);
        r.Flag(7, c.PrevReg);
        r.Run();
    }

    /// <summary>Adds a row of another SSDA903 table as JSON.</summary>
    public void AddOther(string table, string json)
    {
        other.Int(1, submissionId);
        other.Text(2, table);
        other.Text(3, json);
        other.Run();
    }

    /// <summary>Stores the warnings and commits; returns the import record's id.</summary>
    public long Commit(IEnumerable<ValidationMessage> warnings)
    {
        MessagesStore.Add(conn, tx, importId, laCode, year, warnings);
        tx.Commit();
        committed = true;
        return importId;
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        foreach (var c in new[] { children, episodes, oc1, oc2, cpr, other }) c.Dispose();
        if (!committed) tx.Rollback();
        tx.Dispose();
    }

    private long? Scalar(string sql, params (string Name, object? Value)[] ps)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    /// <summary>A prepared INSERT whose parameter values are reassigned for every row.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand cmd;
        private readonly SqliteParameter[] ps;

        public Insert(SqliteConnection conn, SqliteTransaction tx, string sql, int count)
        {
            cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            ps = Enumerable.Range(1, count).Select(i => cmd.Parameters.Add(new SqliteParameter("$" + i, DBNull.Value))).ToArray();
            cmd.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (int i = 0; i < ps.Length; i++) ps[i].Value = values[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }

        public void Dispose() => cmd.Dispose();
    }
}
