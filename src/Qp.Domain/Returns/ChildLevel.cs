namespace Qp.Domain.Returns;

/// <summary>One row of the SSDA903 Header table: a child looked after at some time in the year.</summary>
/// <param name="Child">The authority's identifier for the child.</param>
/// <param name="Sex">1 male, 2 female.</param>
/// <param name="Dob">Date of birth.</param>
/// <param name="Ethnic">Ethnic origin code.</param>
/// <param name="Upn">Unique pupil number.</param>
/// <param name="Mother">1 when the child is a mother, 0 when not.</param>
/// <param name="McDob">Date of birth of the child's own child, if any.</param>
public sealed record ChildHeader(string Child, string Sex, DateOnly Dob, string? Ethnic, string? Upn, string? Mother, DateOnly? McDob);

/// <summary>One row of the SSDA903 Episodes table: a period under one legal status in one placement.</summary>
/// <param name="Child">The child's identifier.</param>
/// <param name="Decom">Date the episode commenced.</param>
/// <param name="Rne">Reason for new episode: S, L, P, T, B or U.</param>
/// <param name="Ls">Legal status code, e.g. C2.</param>
/// <param name="Cin">Category of need N1–N8.</param>
/// <param name="Place">Placement type code, e.g. U4.</param>
/// <param name="PlaceProvider">Placement provider code, e.g. PR1.</param>
/// <param name="Dec">Date the episode ceased; null while open.</param>
/// <param name="Rec">Reason the episode ceased, e.g. E11 or X1.</param>
/// <param name="ReasonPlaceChange">Reason for placement change.</param>
/// <param name="HomePost">Postcode of the child's home (outward part).</param>
/// <param name="PlPost">Postcode of the placement (outward part).</param>
/// <param name="Urn">Ofsted unique reference number of the placement.</param>
public sealed record Episode(
    string Child, DateOnly Decom, string Rne, string Ls, string? Cin, string? Place, string? PlaceProvider,
    DateOnly? Dec, string? Rec, string? ReasonPlaceChange, string? HomePost, string? PlPost, string? Urn)
{
    /// <summary>Whether the episode is open on <paramref name="d"/>: DECOM ≤ d and (DEC blank or DEC &gt; d).</summary>
    public bool IsOpenOn(DateOnly d) => Decom <= d && (Dec is null || Dec.Value > d);

    /// <summary>Whether the episode is open on some day of collection year <paramref name="year"/>.</summary>
    public bool OverlapsYear(int year) => Decom <= CollectionYear.End(year) && (Dec is null || Dec.Value > CollectionYear.Start(year));
}

/// <summary>One row of OC1: qualifications of a young person who left care aged 16 or over.</summary>
/// <param name="Child">The child's identifier.</param>
/// <param name="Dob">Date of birth.</param>
/// <param name="QualGcseGnvq">True when the young person had at least one GCSE A*–G or GNVQ.</param>
/// <param name="Qual5Ac">True when the young person had five or more GCSEs A*–C.</param>
public sealed record Oc1Record(string Child, DateOnly? Dob, bool? QualGcseGnvq, bool? Qual5Ac);

/// <summary>One row of OC2: outcomes for a child looked after continuously for 12 months at 31 March.</summary>
/// <param name="Child">The child's identifier.</param>
/// <param name="Dob">Date of birth.</param>
/// <param name="SdqScore">Strengths and difficulties questionnaire score, 0–40.</param>
/// <param name="SdqReason">Reason no SDQ score was given, e.g. SDQ1.</param>
/// <param name="Convicted">Convicted or cautioned during the year.</param>
/// <param name="HealthCheck">Had an annual health check.</param>
/// <param name="Immunisations">Immunisations up to date.</param>
/// <param name="TeethCheck">Teeth checked by a dentist.</param>
/// <param name="HealthAssessment">Health assessment up to date.</param>
/// <param name="SubstanceMisuse">Identified as having a substance misuse problem.</param>
/// <param name="InterventionReceived">Received an intervention for substance misuse.</param>
/// <param name="InterventionOffered">Offered an intervention but refused it.</param>
public sealed record Oc2Record(
    string Child, DateOnly? Dob, int? SdqScore, string? SdqReason, bool? Convicted, bool? HealthCheck, bool? Immunisations,
    bool? TeethCheck, bool? HealthAssessment, bool? SubstanceMisuse, bool? InterventionReceived, bool? InterventionOffered);

/// <summary>One child protection registration made in the year.</summary>
/// <param name="Child">The child's identifier.</param>
/// <param name="Dob">Date of birth.</param>
/// <param name="RegDate">Date the child was placed on the register.</param>
/// <param name="DeregDate">Date the child was removed from the register, if they were.</param>
/// <param name="Category">Category of abuse: NEG, PHY, SEX, EMO or MUL.</param>
/// <param name="PrevReg">True when the child had been registered before.</param>
public sealed record CprRecord(string Child, DateOnly? Dob, DateOnly RegDate, DateOnly? DeregDate, string? Category, bool? PrevReg);

/// <summary>A child-level submission: one authority's return for one collection year.</summary>
/// <param name="LaCode">The submitting authority.</param>
/// <param name="Year">The collection year.</param>
/// <param name="Headers">Header rows, one per child.</param>
/// <param name="Episodes">Episode rows.</param>
/// <param name="Oc1">OC1 rows (care leavers' qualifications).</param>
/// <param name="Oc2">OC2 rows (outcomes).</param>
/// <param name="Cpr">Child protection registrations made in the year.</param>
public sealed record ChildLevelReturn(
    int LaCode, int Year, IReadOnlyList<ChildHeader> Headers, IReadOnlyList<Episode> Episodes,
    IReadOnlyList<Oc1Record> Oc1, IReadOnlyList<Oc2Record> Oc2, IReadOnlyList<CprRecord> Cpr);
