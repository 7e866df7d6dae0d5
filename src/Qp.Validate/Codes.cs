using System.Globalization;

namespace Qp.Validate;

/// <summary>The SSDA903 code lists of SPEC §2 and the value parsers rules share.</summary>
public static class Codes
{
    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.OrdinalIgnoreCase);

    /// <summary>SEX: 1 male, 2 female up to 2023-24; M, F or U (not known) from 2024-25.</summary>
    public static readonly CodeList Sex = new CodeList().With(YearsInForce.Until(2024), "1", "2").With(YearsInForce.Since(2025), "M", "F", "U");

    /// <summary>Reason for new episode.</summary>
    public static readonly CodeList Rne = CodeList.Of("S", "L", "P", "T", "B", "U");

    /// <summary>Legal status.</summary>
    public static readonly CodeList Ls = CodeList.Of("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");

    /// <summary>
    /// Placement type: legacy foster codes Q1 and Q2 up to 2002-03 (U1–U6 replaced them); in the DfE's years (from 2022-23) K3
    /// (supported accommodation) from 2023-24, and H5, P2 and Z1 up to 2024-25, replaced by Z11–Z14 from 2025-26.
    /// </summary>
    public static readonly CodeList Place = CodeList.Of("A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3",
            "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6")
        .With(YearsInForce.Until(2003), "Q1", "Q2")
        .With(YearsInForce.Until(2025), "H5", "P2", "Z1")
        .With(YearsInForce.Until(2022), "K3")
        .With(YearsInForce.Since(2024), "K3")
        .With(YearsInForce.Since(2026), "Z11", "Z12", "Z13", "Z14");

    /// <summary>Reason episode ceased.</summary>
    /// <remarks>E43 and E44 are no longer in the DfE's list (from 2022-23).</remarks>
    public static readonly CodeList Rec = CodeList.Of("E11", "E12", "E2", "E3", "E4A", "E4B", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E13", "E14", "E15", "E16", "E17", "X1").With(YearsInForce.Until(2022), "E43", "E44");

    /// <summary>Reason for placement change (DfE rule 1009).</summary>
    public static readonly CodeList ReasonPlaceChange = CodeList.Of("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD",
        "LAREQ", "PLACE", "CUSTOD", "OTHER");

    /// <summary>Temporary placements: T0–T4, and from 2025-26 also Z11–Z14 (DfE rule 213).</summary>
    public static readonly CodeList TemporaryPlace = CodeList.Of("T0", "T1", "T2", "T3", "T4").With(YearsInForce.Since(2026), "Z11", "Z12", "Z13", "Z14");

    /// <summary>Placements that have no placement provider (DfE rules 178 and 526): T0–T4 and Z1 up to 2024-25; T0–T3 and Z11–Z14 from 2025-26.</summary>
    public static readonly CodeList NoProviderPlace = new CodeList().With(YearsInForce.Always, "T0", "T1", "T2", "T3")
        .With(YearsInForce.Until(2025), "T4", "Z1").With(YearsInForce.Since(2026), "Z11", "Z12", "Z13", "Z14");

    /// <summary>Placements without an Ofsted URN (DfE rules 218 and 222): H5 up to 2022-23, P2 up to 2023-24, Z1 up to 2024-25, Z11–Z14 from 2025-26.</summary>
    public static readonly CodeList NoUrnPlace = CodeList.Of("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4")
        .With(YearsInForce.Until(2023), "H5").With(YearsInForce.Until(2024), "P2").With(YearsInForce.Until(2025), "Z1")
        .With(YearsInForce.Since(2026), "Z11", "Z12", "Z13", "Z14");

    /// <summary>Category of need.</summary>
    public static readonly CodeList Cin = CodeList.Of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    /// <summary>Placement provider.</summary>
    public static readonly CodeList PlaceProvider = CodeList.Of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    /// <summary>Ethnic origin (DfE SSDA903 codes).</summary>
    public static readonly CodeList Ethnic = CodeList.Of("WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
        "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    /// <summary>CPR category of abuse.</summary>
    public static readonly CodeList Category = CodeList.Of("NEG", "PHY", "SEX", "EMO", "MUL");

    /// <summary>Reason no SDQ score was given.</summary>
    public static readonly CodeList SdqReason = CodeList.Of("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

    /// <summary>0/1 flags.</summary>
    public static readonly CodeList Flag = CodeList.Of("0", "1");

    /// <summary>Temporary placements, skipped when counting placements.</summary>
    public static readonly IReadOnlySet<string> Temporary = Set("T0", "T1", "T2", "T3", "T4");

    /// <summary>Fields whose values identify a child and must never appear in a message (brief's privacy rule).</summary>
    public static readonly IReadOnlySet<string> Identifiers = Set("CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST");

    /// <summary>Parses a dd/mm/yyyy date.</summary>
    public static bool TryDate(string? s, out DateOnly d)
    {
        // The common exact form dd/mm/yyyy is parsed by hand: rules parse millions of dates in a national-scale return.
        if (s is { Length: 10 } && s[2] == '/' && s[5] == '/' && Digits(s, 0, 2, out int day) && Digits(s, 3, 2, out int month) && Digits(s, 6, 4, out int year))
        {
            if (month is >= 1 and <= 12 && year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                d = new DateOnly(year, month, day);
                return true;
            }
            d = default;
            return false;
        }
        return DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int c = s[i] - '0';
            if (c is < 0 or > 9) return false;
            value = value * 10 + c;
        }
        return true;
    }

    /// <summary>The date in <paramref name="s"/>, or null when blank or invalid (invalid dates are reported by their own rule).</summary>
    public static DateOnly? Date(string? s) => TryDate(s, out var d) ? d : null;

    /// <summary>Formats a date as dd/mm/yyyy.</summary>
    public static string Show(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // ---- DfE tables other than Header/Episodes (lists as the DfE's rules of 2022-23 on check them) ----

    /// <summary>Missing: M missing, A away from placement without authorisation.</summary>
    public static readonly CodeList MissingType = CodeList.Of("M", "A");

    /// <summary>Reviews: participation codes PN0–PN7.</summary>
    public static readonly CodeList ReviewCode = CodeList.Of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    /// <summary>OC3: whether the authority is in touch with the care leaver.</summary>
    public static readonly CodeList InTouch = CodeList.Of("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

    /// <summary>OC3: the care leaver's main activity (0 when not applicable).</summary>
    public static readonly CodeList Activ = CodeList.Of("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0");

    /// <summary>OC3: the care leaver's accommodation (0 when not applicable).</summary>
    public static readonly CodeList Accom = CodeList.Of("B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2",
        "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0");

    /// <summary>AD1: number of adopters.</summary>
    public static readonly CodeList NbAdoptr = CodeList.Of("1", "2");

    /// <summary>AD1: sex of the adopter(s): one man, one woman, two men, two women, a man and a woman.</summary>
    public static readonly CodeList SexAdoptr = CodeList.Of("M1", "F1", "MM", "FF", "MF");

    /// <summary>AD1: legal status of the adopter(s).</summary>
    public static readonly CodeList LsAdoptr = CodeList.Of("L0", "L11", "L12", "L2", "L3", "L4");

    /// <summary>PlacedAdoption: why the decision that the child should be placed for adoption stopped applying.</summary>
    public static readonly CodeList ReasonPlacedCeased = CodeList.Of("RD1", "RD2", "RD3", "RD4");
}
