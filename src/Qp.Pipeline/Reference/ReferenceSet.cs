using Microsoft.Data.Sqlite;
using Qp.Domain.Authorities;
using Qp.Import.Reference;
using Qp.Validate;

namespace Qp.Pipeline.Reference;

/// <summary>The reference data stored for the DfE's rules (postcode directory, Ofsted's provider lists), loaded once per command.</summary>
/// <param name="Postcodes">The postcode directory (empty when none is stored).</param>
/// <param name="Providers">Ofsted's provider lists (empty when none are stored).</param>
public sealed record ReferenceSet(IPostcodeDirectory Postcodes, IProviderDirectory Providers)
{
    /// <summary>No reference data: the rules that need it stay silent.</summary>
    public static readonly ReferenceSet None = new(PostcodeTable.Empty, ProviderDirectory.None);

    /// <summary>
    /// The reference data in the store, or none when there is no store. With <paramref name="lazy"/> the postcode directory and the provider lists
    /// are each read on first use (never for QP-era returns), so <paramref name="conn"/> must stay open and free of transactions until then.
    /// </summary>
    public static ReferenceSet Load(SqliteConnection? conn, bool lazy) =>
        conn is null ? None : lazy ? new(ReferenceStore.LazyPostcodes(conn), ReferenceStore.LazyProviders(conn)) : new(ReferenceStore.Postcodes(conn), ReferenceStore.Providers(conn));

    /// <summary>Makes this data, and authority <paramref name="laCode"/>'s ONS code, what validation uses until the scope ends.</summary>
    public IDisposable Use(int? laCode, IReadOnlyList<Authority> authorities)
    {
        string? ons = laCode is { } la ? authorities.FirstOrDefault(a => a.Code == la)?.OnsCode : null;
        return new Both(PostcodeDirectory.Use(Postcodes, string.IsNullOrEmpty(ons) ? null : ons), ProviderDirectory.Use(Providers));
    }

    private sealed class Both(IDisposable a, IDisposable b) : IDisposable
    {
        public void Dispose()
        {
            b.Dispose();
            a.Dispose();
        }
    }
}
