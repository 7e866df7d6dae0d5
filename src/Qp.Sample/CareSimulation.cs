using System.Globalization;

namespace Qp.Sample;

/// <summary>
/// Simulates one authority's children in care and child protection registrations from a fixed epoch
/// (1 April 1975) to the end of the last year asked for. Arrivals come from the authority's own stream;
/// each child's whole history comes from the child's own stream, so a year's output does not depend on
/// which other years or authorities are generated.
/// </summary>
internal sealed class CareSimulation
{
    /// <summary>The simulation starts here, long enough before any supported year for the population to settle.</summary>
    public static readonly int Epoch = new DateOnly(1975, 4, 1).DayNumber;

    /// <summary>Mean years a child entering care stays looked after (periods and re-entries), measured on this model; turns size into an arrival rate.</summary>
    private const double MeanYearsPerEntrant = 2.06;

    private static readonly int QCodesUntil = new DateOnly(2000, 4, 1).DayNumber;
    private static readonly int AdoptionAct = new DateOnly(2005, 12, 30).DayNumber;
    /// <summary>From 2014-15 special guardianship leavers are coded E45/E46 (the DfE's list no longer has E43/E44).</summary>
    private static readonly int Codes2025 = new DateOnly(2025, 4, 1).DayNumber;
    private static readonly int NewOrderCodes = new DateOnly(2014, 4, 1).DayNumber;
    // Independent living (P2) ended as a placement type on 28 October 2023 (the DfE's rule 217): later moves go to H5.
    private static readonly int P2Ends = DfeYear.RegisteredFrom;

    // The DfE's age rules on legal status and staying put (358, 460) are applied from here, so QP-era output stays as it was.
    private static readonly int AgeRulesFrom = new DateOnly(2005, 4, 1).DayNumber;

    // Placements made from the start of 2022-23, the first year of the DfE's postcode and provider rules in the sample, get postcodes
    // and URNs of their own authority (see Postcode and UrnFor); earlier ones keep theirs, so the returns before 2022-23 are unchanged.
    private static readonly int OwnLocationsFrom = new DateOnly(2022, 4, 1).DayNumber;

    private readonly ulong _seed;
    private readonly AuthorityParameters _la;

    public List<SimChild> Children { get; } = [];
    public List<Registration> Registrations { get; } = [];

    private CareSimulation(ulong seed, AuthorityParameters la)
    {
        _seed = seed;
        _la = la;
    }

    /// <summary>Runs the simulation up to and including <paramref name="lastDay"/>.</summary>
    public static CareSimulation Run(ulong seed, AuthorityParameters la, int lastDay)
    {
        var sim = new CareSimulation(seed, la);
        sim.RunUntil(lastDay);
        return sim;
    }

    private void RunUntil(int lastDay)
    {
        var arrivals = new Prng(_seed, (ulong)_la.LaCode, 0xAA);
        var cpr = new Prng(_seed, (ulong)_la.LaCode, 0xCB);
        double entryGap = 365.25 / (_la.Size / MeanYearsPerEntrant);
        double breakGap = entryGap / 0.03;
        double regGap = 365.25 / Math.Max(_la.Size * _la.RegistrationRate, 0.05);
        double tEntry = Epoch + arrivals.Exponential(entryGap);
        double tBreak = Epoch + arrivals.Exponential(breakGap);
        double tReg = Epoch + cpr.Exponential(regGap);
        var registry = new RegisterPool();
        int number = 0;
        while (true)
        {
            double t = Math.Min(tEntry, Math.Min(tBreak, tReg));
            if (t >= lastDay + 1) break;
            int day = (int)t;
            if (t == tEntry)
            {
                Children.Add(SimulateChild(++number, day, shortBreaks: false));
                tEntry += arrivals.Exponential(entryGap);
            }
            else if (t == tBreak)
            {
                Children.Add(SimulateChild(++number, day, shortBreaks: true));
                tBreak += arrivals.Exponential(breakGap);
            }
            else
            {
                Registrations.Add(Register(cpr, registry, day, ref number));
                tReg += cpr.Exponential(regGap);
            }
        }
    }

    // ---------------------------------------------------------------- children

    private SimChild SimulateChild(int number, int entry, bool shortBreaks)
    {
        var rng = new Prng(_seed, (ulong)_la.LaCode, (ulong)number, 0xC1);
        char sex = rng.Chance(0.55) ? '1' : '2';
        double ageYears = shortBreaks
            ? 4 + rng.NextDouble() * 9
            : rng.Pick<(int Lo, int Hi)>([((0, 1), 0.18), ((1, 5), 0.19), ((5, 10), 0.21), ((10, 16), 0.34), ((16, 18), 0.08)]) is var (lo, hi)
                ? lo + rng.NextDouble() * (hi - lo) : 0;
        int dob = entry - Math.Max(1, (int)(ageYears * 365.25));
        if (Days.Age(dob, entry) >= 18) dob += 2;
        var child = new SimChild
        {
            Number = number,
            Sex = sex,
            Dob = dob,
            Ethnic = rng.Pick<string>([("WBRI", 0.74), ("WIRI", 0.01), ("WOTH", 0.03), ("MWBC", 0.04), ("MWBA", 0.01), ("MWAS", 0.01), ("MOTH", 0.02),
                ("AIND", 0.01), ("APKN", 0.02), ("ABAN", 0.01), ("AOTH", 0.01), ("BCRB", 0.03), ("BAFR", 0.03), ("BOTH", 0.01), ("CHNE", 0.002), ("OOTH", 0.01), ("REFU", 0.01), ("NOBT", 0.008)]),
            Upn = ageYears >= 4 && rng.Chance(0.8) ? Upn(rng, entry) : null,
            HomePost = Postcode(rng, outOfArea: false),
        };
        if (sex == '2' && rng.Chance(0.04)) child.BabyDob = Days.Birthday(dob, 14) + rng.Next(3 * 365);
        if (shortBreaks) SimulateShortBreaks(child, rng, entry);
        else SimulatePeriods(child, rng, entry);
        return child;
    }

    /// <summary>A disabled child's series of short breaks: each break is its own short period under LS V3 or V4 with the same carer.</summary>
    private void SimulateShortBreaks(SimChild child, Prng rng, int start)
    {
        string ls = rng.Chance(0.35) ? "V3" : "V4";
        // Short breaks are never long-term fostering (U1/U4); the DfE takes no postcodes for them (the writer leaves them out).
        var carer = new Placement(rng.Chance(0.6) ? ShortBreakFosterCode(rng, start) : "K2", "PR1", Urn(rng), Postcode(rng, outOfArea: false));
        string cin = rng.Chance(0.7) ? "N2" : "N8";
        int careerEnd = Math.Min(start + 200 + (int)rng.Exponential(400), Days.Birthday(child.Dob, 16) - 30);
        for (int t = start; t < careerEnd;)
        {
            int end = AvoidFirstOfApril(t + rng.Between(1, 4), t);
            child.Episodes.Add(new SimEpisode { Decom = t, Dec = end, Rne = 'S', Ls = ls, Cin = cin, Placement = carer, Rec = "E8" });
            t = end + 21 + (int)rng.Exponential(40); // well under the DfE's 75 days of respite in any 12 months
        }
    }

    private void SimulatePeriods(SimChild child, Prng rng, int entry)
    {
        int start = NotFirstOfApril(entry);
        while (true)
        {
            var (end, rec) = SimulatePeriod(child, rng, start);
            int age = Days.Age(child.Dob, end);
            bool wentHome = rec is "E4A" or "E4B" or "E13" or "E8";
            if (!(wentHome && age < 16 && rng.Chance(0.2))) return;
            start = NotFirstOfApril(end + 30 + (int)rng.Exponential(300));
            if (Days.Age(child.Dob, start) >= 17) return;
        }
    }

    /// <summary>One period of care: entry (RNE S), then moves, legal status changes, temporary placements and perhaps adoption, until the child leaves.</summary>
    private (int End, string Rec) SimulatePeriod(SimChild child, Prng rng, int start)
    {
        int age = Days.Age(child.Dob, start);
        int eighteen = Days.Birthday(child.Dob, 18);
        string cin = rng.Pick<string>([("N1", 0.62), ("N2", 0.04), ("N3", 0.04), ("N4", 0.09), ("N5", 0.09), ("N6", 0.04), ("N7", 0.02), ("N8", 0.06)]);
        string ls = EntryLegalStatus(rng, age);
        // Youth justice statuses need a child over 10 (DfE 358): on the 10th birthday itself, accommodation under section 20 instead.
        if (ls[0] == 'J' && start >= AgeRulesFrom && start <= Days.Birthday(child.Dob, 10)) ls = "V2";
        double childFactor = rng.Pick<double>([(0.15, 0.45), (1.0, 0.35), (2.0, 0.20)]);

        // Young children may follow an adoption plan: placed for adoption after a year or so, adopted months later.
        double adoptionChance = _la.AdoptionPropensity * (age < 1 ? 1.6 : age < 3 ? 1.0 : age < 5 ? 0.5 : 0);
        bool adoptionPlan = rng.Chance(adoptionChance);
        int placeForAdoption = SimEpisode.Never, end;
        string rec;
        if (adoptionPlan)
        {
            placeForAdoption = start + 240 + (int)rng.Exponential(300);
            end = placeForAdoption + 120 + (int)rng.Exponential(150);
            rec = rng.Chance(0.6) ? "E11" : "E12";
        }
        else
        {
            double years = rng.Pick<int>([(0, 0.30), (1, 0.30), (2, 0.40)]) switch
            {
                0 => 1 + rng.Exponential(25) / 365.25,
                1 => rng.Exponential(0.75),
                _ => rng.Exponential(4.5),
            };
            end = start + 1 + (int)(years * 365.25);
            rec = "";
        }
        if (end >= eighteen)
        {
            end = eighteen;
            placeForAdoption = SimEpisode.Never;
            rec = rng.Pick<string>([("E5", 0.45), ("E8", 0.30), ("E4A", 0.10), ("E6", 0.05), ("E7", 0.05), ("E17", 0.05)]);
        }
        else if (rec.Length == 0)
        {
            rec = ExitReason(rng, Days.Age(child.Dob, end), end);
        }

        var cur = new SimEpisode { Decom = start, Rne = 'S', Ls = ls, Cin = cin, Placement = NewPlacement(rng, child, age, start, null, ls) };
        child.Episodes.Add(cur);
        int nextLs = ScheduleLegalChange(rng, ls, start);
        int nextMove = start + MoveWait(rng, start, start, childFactor, age);
        while (true)
        {
            // Pending events never fall on or before the current episode's start: each episode lasts at least a day.
            nextLs = Math.Max(nextLs, cur.Decom + 1);
            nextMove = Math.Max(nextMove, cur.Decom + 1);
            placeForAdoption = Math.Max(placeForAdoption, cur.Decom + 1);
            // On 28 October 2023 supported accommodation came under Ofsted registration: a P2 or H5 placement open that day ends
            // and the young person stays with the same provider as H5 (RNE T), now with the provider's URN in the returns.
            int p2Ends = cur.Placement.Place is "P2" or "H5" && cur.Decom < P2Ends ? P2Ends : SimEpisode.Never;
            int next = Math.Min(Math.Min(Math.Min(nextLs, nextMove), Math.Min(placeForAdoption, end)), p2Ends);
            if (next >= end) break;
            int ageNow = Days.Age(child.Dob, next);
            if (next == p2Ends)
            {
                cur = Add(child, cur, Step(cur, next, 'T', cur.Ls, cur.Placement with { Place = "H5" }));
            }
            else if (next == placeForAdoption)
            {
                cur = Add(child, cur, AdoptionPlacement(rng, child, cur, next));
                placeForAdoption = nextLs = nextMove = SimEpisode.Never; // adoptive placements hold until the order
            }
            else if (next == nextLs)
            {
                string newLs = NextLegalStatus(rng, cur.Ls, cur.Placement);
                if (nextMove - next < 10 && !cur.Placement.IsTemporary)
                {
                    // The court order and a move together: legal status, placement and carer change (B).
                    cur = Add(child, cur, Step(cur, next, 'B', newLs, NewPlacement(rng, child, ageNow, next, cur.Placement, newLs)));
                    nextMove = next + MoveWait(rng, next, start, childFactor, ageNow);
                }
                else
                {
                    cur = Add(child, cur, Step(cur, next, 'L', newLs, cur.Placement));
                }
                nextLs = ScheduleLegalChange(rng, newLs, next);
            }
            else
            {
                cur = Move(rng, child, cur, next, end, ageNow);
                nextMove = cur.Decom + MoveWait(rng, cur.Decom, start, childFactor, ageNow);
            }
        }
        int avoided = AvoidFirstOfApril(end, cur.Decom);
        // Staying put (E17) needs 18 at DEC (DfE 460): an 18th birthday on 1 April (or 31 March) moves the day after it, never before.
        end = rec == "E17" && end >= AgeRulesFrom && avoided < eighteen ? end + (DateOnly.FromDayNumber(end) is { Month: 3, Day: 31 } ? 2 : 1) : avoided;
        // Special guardianship is granted to the child's foster carers (the DfE expects a U placement before E43–E46).
        if (rec is "E43" or "E44" or "E45" or "E46" && cur.Placement.Place[0] != 'U') rec = "E4A";
        cur.Dec = end;
        cur.Rec = rec;
        return (end, rec);
    }

    /// <summary>A placement move: usually a new carer (P); sometimes a temporary placement and back; sometimes a change of placement type with the same carer (T).</summary>
    private SimEpisode Move(Prng rng, SimChild child, SimEpisode cur, int day, int periodEnd, int age)
    {
        double r = rng.NextDouble();
        if (r < 0.06 && day + 16 < periodEnd && !cur.Placement.IsTemporary)
        {
            // Temporary placement (hospital, holiday, carer's holiday, respite ≤ 7 days), then back — usually to the same carer.
            string temp = rng.Pick<string>([("T0", 0.25), ("T1", 0.25), ("T2", 0.30), ("T3", 0.10), ("T4", 0.10)]);
            var before = cur.Placement;
            var tempPlacement = new Placement(temp, "", "", Postcode(rng, outOfArea: rng.Chance(0.3), day));
            if (SameDistrict(tempPlacement.PlPost, before.PlPost)) tempPlacement = tempPlacement with { PlPost = OtherPostcode(rng, before.PlPost, day) };
            cur = Add(child, cur, Step(cur, day, 'P', cur.Ls, tempPlacement));
            int back = day + rng.Between(1, temp == "T0" ? 14 : 7);
            if (before.Place == "P2" && back >= P2Ends) before = before with { Place = "H5" };
            // The DfE expects a child to go back to the placement they had before a temporary one.
            return Add(child, cur, Step(cur, back, 'P', cur.Ls, before));
        }
        if (r < 0.14 && cur.Placement.Place[0] == 'U')
        {
            // Same carer, different placement type (e.g. short-term to long-term fostering): RNE T.
            var same = cur.Placement with { Place = OtherFosterCode(rng, cur.Placement.Place) };
            return Add(child, cur, Step(cur, day, 'T', cur.Ls, same));
        }
        return Add(child, cur, Step(cur, day, 'P', cur.Ls, NewPlacement(rng, child, age, day, cur.Placement, cur.Ls)));
    }

    /// <summary>
    /// Placed for adoption: under a placement order (A5/A6; LS E1, or D1 before the 2002 Act) or with consent (A3/A4, only from
    /// foster care, as the DfE expects); with the current foster carer (A3/A5, RNE U or T) or a new one (A4/A6, RNE B or P).
    /// </summary>
    private SimEpisode AdoptionPlacement(Prng rng, SimChild child, SimEpisode cur, int day)
    {
        bool order = rng.Chance(0.7) || !cur.Placement.IsFoster;
        bool currentCarer = cur.Placement.IsFoster && rng.Chance(0.4);
        string ls = order ? (day < AdoptionAct ? "D1" : "E1") : cur.Ls;
        bool lsChanges = ls != cur.Ls;
        if (currentCarer)
        {
            var place = cur.Placement with { Place = order ? "A5" : "A3" };
            return Step(cur, day, lsChanges ? 'U' : 'T', ls, place);
        }
        var placed = NewPlacement(rng, child, 0, day, cur.Placement, ls) with { Place = order ? "A6" : "A4", Provider = rng.Chance(0.8) ? "PR1" : "PR5" };
        if (placed.Urn.Length == 0) placed = placed with { Urn = Urn(rng) };
        if (SameDistrict(placed.PlPost, child.HomePost)) placed = placed with { PlPost = OtherPostcode(rng, child.HomePost, day) };
        if (day >= OwnLocationsFrom) placed = placed with { Urn = UrnFor(placed.PlPost) };
        return Step(cur, day, lsChanges ? 'B' : 'P', ls, placed);
    }

    private static SimEpisode Step(SimEpisode cur, int day, char rne, string ls, Placement placement) =>
        new() { Decom = day, Rne = rne, Ls = ls, Cin = cur.Cin, Placement = placement };

    /// <summary>Closes the current episode the day the next starts (REC X1) and appends the next.</summary>
    private static SimEpisode Add(SimChild child, SimEpisode cur, SimEpisode next)
    {
        cur.Dec = next.Decom;
        cur.Rec = "X1";
        child.Episodes.Add(next);
        return next;
    }

    /// <summary>
    /// Days to the next placement move. The authority's rate for the year is set so that its A1 level follows its target;
    /// children differ (most are settled, some are not), moves cluster early in a period and become rare after two years.
    /// </summary>
    private int MoveWait(Prng rng, int day, int periodStart, double childFactor, int age)
    {
        int year = Days.YearOf(day);
        double inCare = day - periodStart;
        double durationFactor = inCare < 120 ? 2.2 : inCare < 365 ? 0.5 : inCare < 730 ? 0.12 : 0.03;
        double rate = MovesPerYear(_la.A1Target(year)) * childFactor * durationFactor * (age >= 16 ? 1.2 : 1.0);
        return 1 + (int)rng.Exponential(365.25 / rate);
    }

    /// <summary>Moves a year for an average child that give an A1 level of <paramref name="a1"/> (fitted on this model).</summary>
    internal static double MovesPerYear(double a1) => 2.15 * Math.Pow(a1 / 0.2, 1.6);

    // ---------------------------------------------------------------- codes

    private static string EntryLegalStatus(Prng rng, int age) => age >= 10
        ? rng.Pick<string>([("V2", 0.50), ("C1", 0.25), ("C2", 0.05), ("L1", 0.03), ("L2", 0.03), ("L3", 0.01), ("J1", 0.04), ("J2", 0.04), ("J3", 0.03)])
        : rng.Pick<string>([("V2", 0.45), ("C1", 0.38), ("C2", 0.06), ("L1", 0.04), ("L2", 0.06), ("L3", 0.01)]);

    private static int ScheduleLegalChange(Prng rng, string ls, int day) => ls switch
    {
        // Police protection lasts at most 72 hours, a child assessment order 7 days, an emergency protection order 8 days
        // (15 with an extension); detention under PACE is a matter of a day or two; remands last weeks.
        "L1" => day + rng.Between(1, 3),
        "L2" => day + rng.Between(1, 8),
        "L3" => day + rng.Between(1, 7),
        "J2" => day + rng.Between(1, 2),
        "J1" or "J3" => day + 20 + (int)rng.Exponential(60),
        "V2" when rng.Chance(0.15) => day + 60 + (int)rng.Exponential(200),
        "C1" when rng.Chance(0.85) => day + 90 + (int)rng.Exponential(180),
        _ => SimEpisode.Never,
    };

    /// <summary>The next legal status; never V2 (voluntary accommodation) for a child placed with parents, which the DfE does not allow.</summary>
    private static string NextLegalStatus(Prng rng, string ls, Placement placement)
    {
        string next = ls switch
        {
            "L1" or "L2" or "L3" => rng.Chance(0.6) ? "C1" : "V2",
            "J1" or "J2" or "J3" => "V2",
            "V2" => "C1",
            _ => "C2",
        };
        return next == "V2" && placement.Place == "P1" ? "C1" : next;
    }

    private static string ExitReason(Prng rng, int age, int day) => age >= 16
        ? rng.Pick<string>([("E5", 0.30), ("E8", 0.20), ("E4A", 0.20), ("E4B", 0.05), ("E7", 0.05), ("E9", 0.05), ("E3", 0.05), ("E15", 0.05), ("E16", 0.05)])
        : rng.Pick<string>([("E4A", 0.40), ("E4B", 0.10), ("E41", 0.10), (day >= NewOrderCodes ? "E45" : day >= AdoptionAct ? "E43" : "E41", 0.08), ("E3", 0.06),
            ("E13", 0.05), ("E8", 0.15), ("E14", 0.04), ("E2", 0.002), (day >= NewOrderCodes ? "E46" : "E44", 0.018)]);

    /// <summary>A new placement with a different carer: (URN, PL_POST) both differ from <paramref name="previous"/>.</summary>
    private Placement NewPlacement(Prng rng, SimChild child, int age, int day, Placement? previous, string ls)
    {
        double f = _la.FosterBias;
        string kind = age switch
        {
            < 5 => rng.Pick<string>([("F", 0.65 * f), ("P1", 0.08), ("K2", 0.01), ("R3", 0.03), ("Z1", 0.02)]),
            < 12 => rng.Pick<string>([("F", 0.57 * f), ("P1", 0.09), ("K2", 0.06), ("S1", 0.02), ("R1", 0.01), ("Z1", 0.02)]),
            < 16 => rng.Pick<string>([("F", 0.42 * f), ("P1", 0.08), ("K2", 0.15), ("K1", 0.01), ("S1", 0.03), ("R1", 0.03), ("R2", 0.01), ("R5", 0.02), ("K2", 0.02), ("Z1", 0.02)]),
            _ => rng.Pick<string>([("F", 0.29 * f), ("P1", 0.07), ("K2", 0.13), ("H5", 0.16), ("P2", 0.10), ("P3", 0.01), ("R5", 0.03), ("R1", 0.02), ("Z1", 0.02)]),
        };
        // Not with parents under V2 (the DfE does not allow it), nor from parents to parents again (that is no move).
        string place = kind == "F" || (kind == "P1" && (ls == "V2" || previous?.Place == "P1")) ? FosterCode(rng, day, relative: rng.Chance(0.15)) : kind;
        if (place == "P2" && day >= P2Ends) place = "H5";
        if (day >= Codes2025)
        {
            // 2025-26 codes: supported accommodation (K3) replaces H5 and P2; Z1 is split into Z11–Z14.
            if (place is "H5" or "P2") place = "K3";
            else if (place == "Z1") place = "Z1" + rng.Between(1, 4).ToString(CultureInfo.InvariantCulture);
        }
        string provider = place switch
        {
            "Z1" or "Z11" or "Z12" or "Z13" or "Z14" => "",
            "P1" => "PR0",
            "R2" or "R5" => "PR3",
            "K2" => rng.Pick<string>([("PR1", 0.5), ("PR4", 0.45), ("PR5", 0.05)]),
            _ => rng.Pick<string>([("PR1", 0.7), ("PR4", 0.25), ("PR5", 0.05)]),
        };
        string post = place == "P1" && previous?.PlPost != child.HomePost ? child.HomePost : Postcode(rng, outOfArea: rng.Chance(0.15), day);
        // Only a placement with the parents is at the child's home postcode.
        while ((previous is not null && SameDistrict(post, previous.PlPost)) || (place != "P1" && SameDistrict(post, child.HomePost))) post = OtherPostcode(rng, post, day);
        string urn = Urn(rng);
        if (previous is not null && urn == previous.Urn) urn = Urn(rng);
        if (day >= OwnLocationsFrom) urn = UrnFor(post);
        return new Placement(place, provider, HasUrn(place) ? urn : "", post);
    }

    private static string FosterCode(Prng rng, int day, bool relative) => day < QCodesUntil
        ? (relative ? "Q1" : "Q2")
        : relative ? rng.Pick<string>([("U1", 0.35), ("U2", 0.45), ("U3", 0.20)]) : rng.Pick<string>([("U4", 0.55), ("U5", 0.30), ("U6", 0.15)]);

    /// <summary>Short-break foster care: short-term or other foster placements, never long-term (U1/U4).</summary>
    private static string ShortBreakFosterCode(Prng rng, int day) => day < QCodesUntil ? "Q2" : rng.Pick<string>([("U5", 0.5), ("U6", 0.3), ("U2", 0.1), ("U3", 0.1)]);

    /// <summary>Settings Ofsted registers carry its URN; placements with parents, in employment, in NHS or other residential care, in custody, temporary or other placements do not.</summary>
    internal static bool HasUrn(string place) => place is not ("P1" or "P3" or "R1" or "R2" or "R5") && place[0] is not ('T' or 'Z');

    private static string OtherFosterCode(Prng rng, string place)
    {
        ReadOnlySpan<string> family = place is "U1" or "U2" or "U3" ? ["U1", "U2", "U3"] : ["U4", "U5", "U6"];
        while (true)
        {
            string p = family[rng.Next(3)];
            if (p != place) return p;
        }
    }

    private static string Urn(Prng rng) => "SC" + rng.Between(100000, 999999).ToString(CultureInfo.InvariantCulture);

    private const string Inward = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>
    /// A postcode in one of the authority's areas or, <paramref name="outOfArea"/>, in any area. For a placement made on
    /// <paramref name="day"/> from 2022-23 it is one only this authority uses: districts 31–60 (never drawn before, nor for homes)
    /// and an inward code naming the authority, so no two authorities' placements share a postcode and the synthetic postcode
    /// directory can put each in the authority whose placements use it (the DfE's 229 and 1015).
    /// </summary>
    private string Postcode(Prng rng, bool outOfArea, int day = int.MinValue)
    {
        string area = outOfArea ? AuthorityParameters.AllAreas[rng.Next(AuthorityParameters.AllAreas.Count)] : _la.PostcodeAreas[rng.Next(_la.PostcodeAreas.Length)];
        int district = rng.Between(1, 30), sector = rng.Between(1, 9), first = rng.Next(Inward.Length), second = rng.Next(Inward.Length);
        if (day < OwnLocationsFrom)
            return area + district.ToString(CultureInfo.InvariantCulture) + " " + sector.ToString(CultureInfo.InvariantCulture) + Inward[first] + Inward[second];
        // Three inward codes an authority (code mod 1000, at most 999) in each district: 1AA to 8xx, each naming one authority.
        int slot = _la.LaCode % 1000 * 3 + (first + second) % 3;
        return area + (district + 30).ToString(CultureInfo.InvariantCulture) + " " + (1 + slot / 400).ToString(CultureInfo.InvariantCulture)
            + Inward[slot / 20 % 20] + Inward[slot % 20];
    }

    /// <summary>
    /// The URN of the provider at <paramref name="postcode"/> for a placement made from 2022-23: in Ofsted's seven-digit numeric
    /// form (never an SC number drawn before), naming the authority, so no two authorities' placements share a provider.
    /// </summary>
    private string UrnFor(string postcode)
    {
        uint h = 2166136261;
        foreach (char c in postcode) h = (h ^ c) * 16777619;
        return "2" + (_la.LaCode % 1000).ToString("D3", CultureInfo.InvariantCulture) + (h % 1000).ToString("D3", CultureInfo.InvariantCulture);
    }

    private static bool SameDistrict(string a, string b) => a.AsSpan(0, a.IndexOf(' ')).SequenceEqual(b.AsSpan(0, b.IndexOf(' ')));

    /// <summary>A postcode in another postcode district than <paramref name="not"/> (QP-era returns show only the district).</summary>
    private string OtherPostcode(Prng rng, string not, int day = int.MinValue)
    {
        while (true)
        {
            string p = Postcode(rng, outOfArea: rng.Chance(0.5), day);
            if (p[..p.IndexOf(' ')] != not[..not.IndexOf(' ')]) return p;
        }
    }

    /// <summary>A unique pupil number with its DfE check letter: LA code, school, year allocated, serial.</summary>
    private string Upn(Prng rng, int day)
    {
        string body = (_la.LaCode % 1000).ToString("D3", CultureInfo.InvariantCulture)
            + rng.Between(1000, 7999).ToString(CultureInfo.InvariantCulture)
            + (DateOnly.FromDayNumber(day).Year % 100).ToString("D2", CultureInfo.InvariantCulture)
            + rng.Between(1, 999).ToString("D3", CultureInfo.InvariantCulture);
        int sum = 0;
        for (int i = 0; i < body.Length; i++) sum += (body[i] - '0') * (i + 2);
        return "ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23] + body;
    }

    /// <summary>No period starts on 1 April, so a child who entered in a year is never counted as looked after for the whole of it.</summary>
    private static int NotFirstOfApril(int start) => DateOnly.FromDayNumber(start) is { Month: 4, Day: 1 } ? start + 1 : start;

    /// <summary>
    /// No period ends on 1 April, so a child who leaves is always in the return of the year they left; nor on 31 March, which
    /// the DfE's cohort rules read as still looked after at the year end.
    /// </summary>
    private static int AvoidFirstOfApril(int end, int after)
    {
        var d = DateOnly.FromDayNumber(end);
        if (d is { Month: 4, Day: 1 }) return end - 2 > after ? end - 2 : end + 1;
        if (d is { Month: 3, Day: 31 }) return end - 1 > after ? end - 1 : end + 2;
        return end;
    }

    // ---------------------------------------------------------------- child protection

    /// <summary>One registration: a re-registration of a child deregistered earlier (PREV_REG 1) at the authority's rate for the year, else a first registration.</summary>
    private Registration Register(Prng rng, RegisterPool pool, int day, ref int number)
    {
        int year = Days.YearOf(day);
        pool.Release(day);
        bool again = rng.Chance(_la.A3Chance(year));
        int child = 0, dob = 0;
        bool found = false;
        if (again)
        {
            while (pool.TryTake(rng, out var c))
            {
                if (Days.Age(c.Dob, day) < 16) { (child, dob, found) = (c.Number, c.Dob, true); break; }
            }
        }
        if (!found)
        {
            // A first registration here (or, for a re-registration with no one to draw on, a child registered elsewhere before).
            child = ++number;
            dob = day - 1 - (int)(rng.Pick<(int, int)>([((0, 1), 0.25), ((1, 5), 0.30), ((5, 10), 0.25), ((10, 16), 0.20)]) is var (lo, hi)
                ? (lo + rng.NextDouble() * (hi - lo)) * 365.25 : 0);
            if (Days.Age(dob, day) >= 16) dob += 2;
        }
        int dereg = day + 30 + (int)rng.Exponential(250);
        string category = rng.Pick<string>([("NEG", 0.40), ("PHY", 0.19), ("SEX", 0.09), ("EMO", 0.18), ("MUL", 0.14)]);
        pool.Add(child, dob, dereg);
        return new Registration(child, dob, day, dereg, category, again);
    }

    /// <summary>Registered children, released for re-registration once deregistered.</summary>
    private sealed class RegisterPool
    {
        private readonly PriorityQueue<(int Number, int Dob), int> _registered = new();
        private readonly List<(int Number, int Dob)> _deregistered = [];

        public void Add(int number, int dob, int deregDay) => _registered.Enqueue((number, dob), deregDay);

        public void Release(int day)
        {
            while (_registered.TryPeek(out var c, out int dereg) && dereg < day)
            {
                _registered.Dequeue();
                _deregistered.Add(c);
            }
        }

        public bool TryTake(Prng rng, out (int Number, int Dob) child)
        {
            if (_deregistered.Count == 0) { child = default; return false; }
            int i = rng.Next(_deregistered.Count);
            child = _deregistered[i];
            _deregistered[i] = _deregistered[^1];
            _deregistered.RemoveAt(_deregistered.Count - 1);
            return true;
        }
    }
}
