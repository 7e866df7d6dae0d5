namespace Qp.Sample;

/// <summary>
/// Who is in the DfE's care leaver (OC3) cohort and who is an unaccompanied asylum-seeking child (UASC), and the codes they carry:
/// facts read off a simulated child's history, so they change nothing in its episodes.
/// </summary>
internal static class CareLeavers
{
    /// <summary>Thirteen weeks: the time looked after since the 14th birthday that makes a young person a care leaver.</summary>
    public const int QualifyingDays = 91;

    private static readonly int UascFrom = new DateOnly(2004, 4, 1).DayNumber;

    /// <summary>
    /// The age <paramref name="child"/> turns in <paramref name="year"/> when they are in that year's OC3 cohort, else null: a
    /// cohort age (<see cref="DfeYear.IsOc3Age"/>), looked after at least 13 weeks after their 14th birthday including some time
    /// after their 16th, no longer looked after on that birthday, and not adopted, died in care or left on a residence order (E3).
    /// Short breaks do not count.
    /// </summary>
    public static int? Oc3Age(SimChild child, int year)
    {
        var eps = child.Episodes;
        if (eps.Count == 0 || eps[0].IsShortBreak) return null;
        int age = Days.Age(child.Dob, Days.End(year));
        int birthday = Days.Birthday(child.Dob, age);
        if (birthday < Days.Start(year) || !DfeYear.IsOc3Age(age, year)) return null;
        int b14 = Days.Birthday(child.Dob, 14), b16 = Days.Birthday(child.Dob, 16);
        long since14 = 0;
        bool since16 = false;
        foreach (var e in eps)
        {
            // Still looked after on (or back in care after) the birthday: the DfE takes no care leaver information (its 1007/1016).
            if (e.Dec >= birthday || e.Rec == "E2") return null;
            since14 += Math.Max(0, e.Dec - Math.Max(e.Decom, b14));
            since16 |= e.Dec > b16;
        }
        if (eps[^1].Rec is "E11" or "E12" or "E3") return null;
        return since14 >= QualifyingDays && since16 ? age : null;
    }

    private static readonly (string Code, double Weight)[] InTouch =
        [("YES", 0.87), ("NO", 0.05), ("REFU", 0.03), ("RHOM", 0.025), ("NREQ", 0.023), ("DIED", 0.002)];

    private static readonly (string Code, double Weight)[] Activity =
        [("F1", 0.07), ("P1", 0.01), ("F2", 0.22), ("P2", 0.03), ("F4", 0.05), ("P4", 0.03), ("F5", 0.12), ("P5", 0.05), ("G4", 0.09), ("G5", 0.26), ("G6", 0.07)];

    private static readonly (string Code, double Weight)[] Accommodation =
        [("U1", 0.30), ("D1", 0.18), ("Z1", 0.12), ("B1", 0.09), ("E1", 0.07), ("K1", 0.04), ("T1", 0.03), ("C1", 0.02), ("Y1", 0.03), ("U2", 0.02),
         ("X2", 0.03), ("S2", 0.01), ("B2", 0.02), ("D2", 0.01), ("K2", 0.01), ("W2", 0.005), ("G1", 0.01), ("V2", 0.005)];

    /// <summary>
    /// IN_TOUCH, ACTIV and ACCOM of a care leaver turning <paramref name="age"/>, from three uniform draws. Only a young person in
    /// touch (YES) has an activity and accommodation; otherwise both are 0. Higher education (F1/P1) is for 18 and over; nobody
    /// turning 17 is with former foster carers (Z1/Z2, "staying put" starts at 18: the DfE's 3001) and nobody under 18 at 1 April
    /// is in a foyer (T1/T2, its 347).
    /// </summary>
    public static (string InTouch, string Activ, string Accom) Oc3Codes(int age, double u1, double u2, double u3)
    {
        string inTouch = Pick(InTouch, u1);
        if (inTouch != "YES") return (inTouch, "0", "0");
        string activ = Pick(Activity, u2);
        if (age < 18 && activ is "F1" or "P1") activ = activ == "F1" ? "F2" : "P2";
        string accom = Pick(Accommodation, u3);
        if (age == 17 && accom[0] == 'Z') accom = "D1";
        if (age < 19 && accom[0] == 'T') accom = "E1";
        return (inTouch, activ, accom);
    }

    private static string Pick((string Code, double Weight)[] codes, double u)
    {
        double total = 0, at = 0;
        foreach (var c in codes) total += c.Weight;
        u *= total;
        foreach (var c in codes)
        {
            at += c.Weight;
            if (u < at) return c.Code;
        }
        return codes[^1].Code;
    }

    /// <summary>
    /// Whether <paramref name="child"/> came into care as an unaccompanied asylum-seeking child: some of those who first entered
    /// care aged 14 to 17 from April 2004 (when the sample's returns first carry the UASC table), mostly boys; <paramref name="u"/>
    /// is a uniform draw of the child's own.
    /// </summary>
    public static bool IsUasc(SimChild child, double u)
    {
        var eps = child.Episodes;
        if (eps.Count == 0 || eps[0].IsShortBreak || eps[0].Decom < UascFrom) return false;
        return Days.Age(child.Dob, eps[0].Decom) is >= 14 and <= 17 && u < (child.Sex == '1' ? 0.9 : 0.12);
    }

    /// <summary>
    /// The UASC table's DUC: the day UASC status ceases, the 18th birthday, given every year the child is in a return (the DfE's
    /// 205B wants last year's DUC to be the 18th birthday and this year's the same; its 304 no later than the 18th birthday).
    /// </summary>
    public static int Duc(SimChild child) => Days.Birthday(child.Dob, 18);
}
