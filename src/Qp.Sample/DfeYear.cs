namespace Qp.Sample;

/// <summary>How a return of one collection year looks: its tables and columns and the codes in force that year.</summary>
internal static class DfeYear
{
    /// <summary>The last collection year of the Quality Protects era, whose returns carry OC1 and CPR.</summary>
    public const int LastQpYear = 2004;

    /// <summary>Whether <paramref name="year"/> is a QP-era year (Header, Episodes, OC1, OC2, CPR).</summary>
    public static bool IsQpEra(int year) => year <= LastQpYear;

    /// <summary>SEX as coded that year: 1/2 until 2023-24, M/F from 2024-25.</summary>
    public static string Sex(char sex, int year) => year >= 2025 ? (sex == '1' ? "M" : "F") : sex == '1' ? "1" : "2";

    /// <summary>REASON_PLACE_CHANGE is collected from 2015-16.</summary>
    public static bool HasReasonPlaceChange(int year) => year >= 2016;

    /// <summary>Full postcodes after the QP era; QP-era returns carry the outward part only.</summary>
    public static string Postcode(string full, int year) => IsQpEra(year) ? full[..full.IndexOf(' ')] : full;

    /// <summary>Strengths and difficulties questionnaires are collected from 2008-09.</summary>
    public static bool HasSdq(int year) => year >= 2009;

    /// <summary>After the QP era an unknown UPN is given as a code (UN1 under school age, UN5 not yet known) rather than left blank.</summary>
    public static bool HasUpnCodes(int year) => !IsQpEra(year);

    /// <summary>After the QP era MOTHER is given for every girl (0 or 1), as the DfE's rule for girls leaving care requires.</summary>
    public static bool MotherForEveryGirl(int year) => !IsQpEra(year);

    /// <summary>
    /// Whether a young person turning <paramref name="age"/> in <paramref name="year"/> is in that year's care leaver (OC3) cohort:
    /// 19 only until 2012-13, 19 to 21 from 2013-14, 17 to 21 from 2015-16.
    /// </summary>
    public static bool IsOc3Age(int age, int year) => year >= 2016 ? age is >= 17 and <= 21 : year >= 2014 ? age is >= 19 and <= 21 : age == 19;

    /// <summary>Supported accommodation came under Ofsted registration on 28 October 2023 (the simulation ends P2 and H5 episodes then).</summary>
    public static readonly int RegisteredFrom = new DateOnly(2023, 10, 28).DayNumber;

    /// <summary>
    /// The URN as shown in <paramref name="year"/>'s return of an episode starting on <paramref name="decom"/>: semi-independent
    /// living (H5) carries one from 2023-24 only, and only on episodes starting from 28 October 2023 (so an episode open across
    /// 1 April 2023 shows the same blank URN in both years' returns: the DfE's 503F); independent living (P2) none until it is
    /// shown as supported accommodation (K3) in 2025-26.
    /// </summary>
    public static string Urn(string place, string urn, int year, int decom) => place switch
    {
        "H5" when year < 2024 || (year < 2026 && decom < RegisteredFrom) => "",
        "P2" when year < 2026 => "",
        _ => urn,
    };

    /// <summary>
    /// A placement code as it must appear in <paramref name="year"/>'s return: from 2000-01 the legacy foster codes Q1/Q2 are shown
    /// as U3/U6; from 2025-26 an H5 or P2 placement is shown as K3 and a Z1 as one of Z11–Z14 (<paramref name="draw"/> in [0,1)
    /// picks which).
    /// </summary>
    public static string Place(string place, int year, double draw) => place switch
    {
        "Q1" when year >= 2001 => "U3",
        "Q2" when year >= 2001 => "U6",
        "H5" or "P2" when year >= 2026 => "K3",
        "Z1" when year >= 2026 => "Z1" + (1 + (int)(draw * 4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => place,
    };

    /// <summary>
    /// The code an order made years ago by authority <paramref name="laCode"/> carries in PrevPerm's LA_PERM: the DfE's list is of
    /// authorities before the 2019–2023 reorganisations, so a new authority gives the code of the one it replaced (BCP 839 → Bournemouth
    /// 836, Dorset 838 → 835, North and West Northamptonshire 940/941 → Northamptonshire 928, Cumberland and Westmorland 942/943 → Cumbria 909).
    /// </summary>
    public static string LaPerm(int laCode) => ((laCode % 1000) switch
    {
        839 => 836,
        838 => 835,
        940 or 941 => 928,
        942 or 943 => 909,
        var c => c,
    }).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
