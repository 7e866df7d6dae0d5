using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Store;
using Qp.Validate;

namespace Qp.Import.Reference;

/// <summary>The reference data of the DfE's rules: the postcode directory and Ofsted's provider lists, each replaced whole.</summary>
public static class ReferenceStore
{
    /// <summary>Replaces the stored postcode directory with <paramref name="table"/> read from <paramref name="path"/>, in one transaction with its imports row.</summary>
    public static long ReplacePostcodes(SqliteConnection conn, string path, PostcodeTable table, string message)
    {
        var data = table.ToBytes();
        using var tx = conn.BeginTransaction();
        long id = AggregateStore.RecordImport(conn, tx, "postcodes", path, table.Count, message);
        conn.Execute("DELETE FROM reference_postcodes", transaction: tx);
        conn.Execute("INSERT INTO reference_postcodes(id, import_id, postcodes, data) VALUES (1, @id, @n, @data)", new { id, n = table.Count, data }, tx);
        tx.Commit();
        return id;
    }

    /// <summary>Replaces the stored provider lists with <paramref name="providers"/> read from <paramref name="paths"/>, in one transaction.</summary>
    public static long ReplaceProviders(SqliteConnection conn, IReadOnlyList<string> paths, IReadOnlyCollection<ProviderInfo> providers, string message)
    {
        using var tx = conn.BeginTransaction();
        long id = 0;
        foreach (var p in paths) id = AggregateStore.RecordImport(conn, tx, "providers", p, providers.Count, message);
        conn.Execute("DELETE FROM reference_providers", transaction: tx);
        SqlRows.Insert(conn, tx, "reference_providers", "urn, import_id, places, providers, registered, closed, postcode", providers,
            p => [p.Urn, id, string.Join('/', p.Places), string.Join('/', p.Providers), Iso(p.Registered), Iso(p.Closed), p.Postcode]);
        tx.Commit();
        return id;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored postcode directory, or an empty one when none has been imported.</summary>
    public static PostcodeTable Postcodes(SqliteConnection conn)
    {
        if (conn.ExecuteScalar<long>("SELECT count(*) FROM reference_postcodes WHERE id = 1") == 0) return PostcodeTable.Empty;
        // Read in place: the blob (tens of MB for the whole ONS directory) is never copied into memory whole.
        using var blob = new SqliteBlob(conn, "reference_postcodes", "data", 1, readOnly: true);
        return PostcodeTable.FromStream(blob);
    }

    /// <summary>The stored postcode directory, read only when a rule first asks for it (returns of the QP era never do).</summary>
    public static IPostcodeDirectory LazyPostcodes(SqliteConnection conn) => new LazyDirectory(() => Postcodes(conn));

    private sealed class LazyDirectory(Func<PostcodeTable> load) : IPostcodeDirectory
    {
        private readonly Lazy<PostcodeTable> table = new(load);

        public bool IsEmpty => table.Value.IsEmpty;

        public PostcodeInfo? Find(string postcode) => table.Value.Find(postcode);
    }

    /// <summary>The stored provider lists, or an empty directory when none has been imported.</summary>
    public static ProviderTable Providers(SqliteConnection conn)
    {
        // Read in place (RawRows): through SqliteDataReader a list of Ofsted's size took a noticeable part of a whole England validation.
        var table = new ProviderTable();
        using var r = new RawRows(conn.Handle!, "SELECT urn, places, providers, registered, closed, postcode FROM reference_providers", new TextPool());
        while (r.Read()) table.Add(r.UniqueText(0)!, r.Text(1)!, r.Text(2)!, r.Date(3), r.Date(4), r.UniqueText(5));
        return table;
    }

    /// <summary>The stored provider lists, read only when a rule first asks for them (returns before 2022-23 never do).</summary>
    public static IProviderDirectory LazyProviders(SqliteConnection conn) => new LazyProviderList(() => Providers(conn));

    private sealed class LazyProviderList(Func<ProviderTable> load) : IProviderDirectory
    {
        private readonly Lazy<ProviderTable> table = new(load);

        public bool IsEmpty => table.Value.IsEmpty;

        public ProviderInfo? Find(string urn) => table.Value.Find(urn);
    }

    /// <summary>What reference data is stored: postcodes and providers counted, with the file each came from.</summary>
    public static (int Postcodes, string? PostcodeFile, int Providers, string? ProviderFiles) Describe(SqliteConnection conn) =>
        (conn.ExecuteScalar<int>("SELECT ifnull(max(postcodes), 0) FROM reference_postcodes"),
         conn.ExecuteScalar<string?>("SELECT f.file_name FROM reference_postcodes r JOIN import_files f ON f.import_id = r.import_id"),
         conn.ExecuteScalar<int>("SELECT count(*) FROM reference_providers"),
         conn.ExecuteScalar<string?>("SELECT group_concat(f.file_name, ', ') FROM import_files f WHERE f.import_id IN (SELECT DISTINCT import_id FROM reference_providers)"));

    private static DateOnly? Date(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
