using System.Text.Json;
using Qp.Domain.Returns;
using Qp.Validate;

namespace Qp.Import.ChildLevel;

/// <summary>Turns validated rows into the domain's records (only rows that passed validation reach here, so parsing cannot fail).</summary>
public static class RowMapper
{
    /// <summary>The Header row as a <see cref="ChildHeader"/>.</summary>
    public static ChildHeader Header(SourceRow r) =>
        new(r["CHILD"]!, r["SEX"]!, Codes.Date(r["DOB"])!.Value, r["ETHNIC"], r["UPN"], r["MOTHER"], Codes.Date(r["MC_DOB"]));

    /// <summary>The Episodes row as an <see cref="Episode"/>.</summary>
    public static Episode Episode(SourceRow r) =>
        new(r["CHILD"]!, Codes.Date(r["DECOM"])!.Value, r["RNE"]!, r["LS"]!, r["CIN"], r["PLACE"], r["PLACE_PROVIDER"], Codes.Date(r["DEC"]), r["REC"],
            r["REASON_PLACE_CHANGE"], r["HOME_POST"], r["PL_POST"], r["URN"]);

    /// <summary>The OC1 row.</summary>
    public static Oc1Record Oc1(SourceRow r) => new(r["CHILD"]!, Codes.Date(r["DOB"]), Flag(r["QUAL_GCSE_GNVQ"]), Flag(r["QUAL_5AC"]));

    /// <summary>The OC2 row.</summary>
    public static Oc2Record Oc2(SourceRow r) =>
        new(r["CHILD"]!, Codes.Date(r["DOB"]), r["SDQ_SCORE"] is { } s ? int.Parse(s) : null, r["SDQ_REASON"], Flag(r["CONVICTED"]), Flag(r["HEALTH_CHECK"]),
            Flag(r["IMMUNISATIONS"]), Flag(r["TEETH_CHECK"]), Flag(r["HEALTH_ASSESSMENT"]), Flag(r["SUBSTANCE_MISUSE"]),
            Flag(r["INTERVENTION_RECEIVED"]), Flag(r["INTERVENTION_OFFERED"]));

    /// <summary>The CPR row.</summary>
    public static CprRecord Cpr(SourceRow r) =>
        new(r["CHILD"]!, Codes.Date(r["DOB"]), Codes.Date(r["REG_DATE"])!.Value, Codes.Date(r["DEREG_DATE"]), r["CATEGORY"], Flag(r["PREV_REG"]));

    /// <summary>A row of another SSDA903 table as a JSON object of its non-blank columns, in the table's column order.</summary>
    public static string Json(SourceRow r) =>
        JsonSerializer.Serialize(r.Table.Columns.Select((c, i) => (c, v: r.Value(i))).Where(p => p.v is not null).ToDictionary(p => p.c, p => p.v));

    private static bool? Flag(string? v) => v switch { "1" => true, "0" => false, _ => null };
}
