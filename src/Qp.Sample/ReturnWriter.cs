using System.Text;

namespace Qp.Sample;

/// <summary>Slices one authority's simulated history into its yearly returns and writes them as SSDA903 CSV tables.</summary>
internal sealed class ReturnWriter
{
    /// <summary>The SPEC §2 column headers, in order.</summary>
    public static class Columns
    {
        public const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
        public const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
        public const string Oc1 = "CHILD,DOB,QUAL_GCSE_GNVQ,QUAL_5AC";
        public const string Oc2 = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED";
        public const string Cpr = "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG";
        public const string Reviews = "CHILD,DOB,REVIEW,REVIEW_CODE";
        public const string Uasc = "CHILD,SEX,DOB,DUC";
        public const string Oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM";
        public const string Ad1 = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR";
        public const string PlacedAdoption = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED";
        public const string PrevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM";
        public const string Missing = "CHILD,DOB,MISSING,MIS_START,MIS_END";
        public const string SwEpisodes = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON";
    }

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The tables of a return of <paramref name="year"/>, as file name and header, in the order they are written: the QP era's
    /// five, then the DfE's tables as they came in (approximate first years: Reviews, UASC, OC3 and AD1 2004-05; PlacedAdoption
    /// and Missing 2013-14; PrevPerm 2016-17; SWEpisodes 2023-24).
    /// </summary>
    public static IReadOnlyList<(string File, string Columns)> TablesOf(int year)
    {
        if (DfeYear.IsQpEra(year))
            return [("Header.csv", Columns.Header), ("Episodes.csv", Columns.Episodes), ("OC1.csv", Columns.Oc1), ("OC2.csv", Columns.Oc2), ("CPR.csv", Columns.Cpr)];
        var tables = new List<(string, string)>
        {
            ("Header.csv", Columns.Header), ("Episodes.csv", Columns.Episodes), ("Reviews.csv", Columns.Reviews), ("UASC.csv", Columns.Uasc),
            ("OC2.csv", Columns.Oc2), ("OC3.csv", Columns.Oc3), ("AD1.csv", Columns.Ad1),
        };
        if (year >= 2014) tables.Add(("PlacedAdoption.csv", Columns.PlacedAdoption));
        if (year >= 2017) tables.Add(("PrevPerm.csv", Columns.PrevPerm));
        if (year >= 2014) tables.Add(("Missing.csv", Columns.Missing));
        if (year >= 2024) tables.Add(("SWEpisodes.csv", Columns.SwEpisodes));
        return tables;
    }

    private readonly ulong _seed;
    private readonly AuthorityParameters _la;
    private readonly SampleShape _shape;
    private readonly CsvLine _line = new();
    private readonly List<SimEpisode> _slice = new(16);

    public ReturnWriter(ulong seed, AuthorityParameters la, SampleShape shape)
    {
        _seed = seed;
        _la = la;
        _shape = shape;
    }

    /// <summary>Writes OUT/&lt;la&gt;_&lt;year&gt;/ for every year and returns the rows written per table.</summary>
    public SampleCounts Write(string outDir, CareSimulation sim, IReadOnlyList<int> years)
    {
        var counts = new SampleCounts();
        var files = new YearFiles[years.Count];
        try
        {
            for (int i = 0; i < years.Count; i++) files[i] = new YearFiles(Path.Combine(outDir, $"{_la.LaCode}_{years[i]}"), TablesOf(years[i]));
            foreach (var child in sim.Children)
            {
                if (child.Episodes.Count == 0) continue;
                int first = Days.YearOf(child.Episodes[0].Decom);
                int lastDec = child.Episodes[^1].Dec;
                // A care leaver stays in the returns (Header and OC3 only) up to the year of their 21st birthday.
                int last = lastDec == SimEpisode.Never ? int.MaxValue : Math.Max(Days.YearOf(lastDec), Days.YearOf(Days.Birthday(child.Dob, 21)));
                for (int i = 0; i < years.Count; i++)
                {
                    if (years[i] >= first && years[i] <= last) WriteChild(files[i], child, years[i], counts);
                }
            }
            foreach (var reg in sim.Registrations)
            {
                int year = Days.YearOf(reg.RegDay);
                int i = IndexOf(years, year);
                if (i < 0 || files[i].Cpr is not { } cprFile) continue;
                int end = Days.End(year);
                _line.Field("C" + reg.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Date(reg.Dob).Date(reg.RegDay)
                    .Date(reg.DeregDay <= end ? reg.DeregDay : SimEpisode.Never).Field(reg.Category).Flag(reg.PreviouslyRegistered).WriteTo(cprFile);
                counts.Cpr++;
            }
        }
        finally
        {
            foreach (var f in files) f?.Dispose();
        }
        counts.Files = years.Sum(y => TablesOf(y).Count);
        return counts;
    }

    private static int IndexOf(IReadOnlyList<int> years, int year)
    {
        for (int i = 0; i < years.Count; i++) if (years[i] == year) return i;
        return -1;
    }

    /// <summary>
    /// The child's rows in year <paramref name="year"/>'s return. Real shape (the DfE's): the episodes open at some time in the
    /// year. Whole shape: every episode of the current period of care (from its latest RNE S episode) and any earlier episode
    /// open in the year — together with the rest of that earlier period, so a child's rows always begin with the RNE S episode
    /// that started their period. An episode still open at 31 March has no DEC or REC. A care leaver in the year's OC3 cohort who
    /// was not looked after in the year has a Header row and an OC3 row only, as in the DfE's returns.
    /// </summary>
    private void WriteChild(YearFiles f, SimChild child, int year, SampleCounts counts)
    {
        int start = Days.Start(year), end = Days.End(year);
        var eps = child.Episodes;
        _slice.Clear();
        bool inYear = false;
        if (_shape == SampleShape.Real)
        {
            for (int j = 0; j < eps.Count && eps[j].Decom <= end; j++)
            {
                if (eps[j].Dec >= start) _slice.Add(eps[j]);
            }
            inYear = _slice.Count > 0;
        }
        else
        {
            for (int p = 0; p < eps.Count && eps[p].Decom <= end;)
            {
                // One period: eps[p] (RNE S) up to the next RNE S.
                int q = p + 1;
                while (q < eps.Count && eps[q].Rne != 'S') q++;
                bool current = q >= eps.Count || eps[q].Decom > end;
                bool overlaps = false;
                for (int j = p; j < q && eps[j].Decom <= end; j++) overlaps |= eps[j].Dec > start;
                if (current || overlaps)
                {
                    for (int j = p; j < q && eps[j].Decom <= end; j++) _slice.Add(eps[j]);
                }
                inYear |= overlaps;
                p = q;
            }
        }
        string id = child.Id;
        bool qp = DfeYear.IsQpEra(year);
        if (!inYear)
        {
            if (!qp && f.Oc3 is { } oc3 && CareLeavers.Oc3Age(child, year) is int leaverAge)
            {
                // No MOTHER (or MC_DOB) for a care leaver not looked after in the year: the DfE's 628.
                _line.Field(id).Field(DfeYear.Sex(child.Sex, year)).Date(child.Dob).Field(child.Ethnic).Field(UpnFor(child, year, false)).Field(null)
                    .Field(null).WriteTo(f.Header);
                counts.Headers++;
                // A UASC care leaver keeps their UASC row up to the year of their 18th birthday (the DUC), which the DfE's 205A then finds
                // within last year.
                WriteUasc(f, child, id, year, counts);
                WriteOc3(oc3, child, id, year, leaverAge, counts);
            }
            return;
        }
        bool uasc = !qp && IsUasc(child);

        // Header
        int age = Days.Age(child.Dob, end);
        bool girl = child.Sex == '2';
        // The DfE asks motherhood of every girl looked after (short breaks aside); the QP era of girls 12 and over.
        bool modern = DfeYear.MotherForEveryGirl(year);
        string? mother = girl && (modern ? !_slice[^1].IsShortBreak : age >= 12) ? (BabyDob(child, year) <= end ? "1" : "0") : null;
        _line.Field(id).Field(DfeYear.Sex(child.Sex, year)).Date(child.Dob).Field(child.Ethnic).Field(UpnFor(child, year, _slice[^1].IsShortBreak)).Field(mother)
            .Date(mother == "1" ? child.BabyDob : SimEpisode.Never).WriteTo(f.Header);
        counts.Headers++;
        if (uasc) WriteUasc(f, child, id, year, counts);

        // Episodes
        for (int k = 0; k < _slice.Count; k++)
        {
            var e = _slice[k];
            bool closed = e.Dec <= end;
            var next = k + 1 < _slice.Count ? _slice[k + 1] : null;
            string? reason = closed && next is not null && DfeYear.HasReasonPlaceChange(year) && e.Dec >= ReasonPlaceChangeFrom ? ReasonPlaceChange(child, e, next) : null;
            bool shortBreak = e.IsShortBreak;
            _line.Field(id).Date(e.Decom).Field(e.Rne == 'S' ? "S" : e.Rne.ToString()).Field(e.Ls).Field(e.Cin)
                .Field(DfeYear.Place(e.Placement.Place, year, Draw(child, 0, 100)))
                .Field(e.Placement.Provider).Date(closed ? e.Dec : SimEpisode.Never).Field(closed ? e.Rec : null).Field(reason)
                // An unaccompanied asylum-seeking child has no home postcode (nor placement distance: the DfE's 406).
                .Field(shortBreak || uasc ? null : DfeYear.Postcode(child.HomePost, year)).Field(shortBreak ? null : DfeYear.Postcode(e.Placement.PlPost, year))
                .Field(shortBreak ? null : DfeYear.Urn(e.Placement.Place, e.Placement.Urn, year, e.Decom)).WriteTo(f.Episodes);
            counts.Episodes++;
        }

        // OC1: the A2 cohort — latest episode ended in the year (not X1), not looked after at 31 March, 16+ on leaving.
        var latest = _slice[^1];
        bool shortBreaksOnly = latest.IsShortBreak;
        if (f.Oc1 is not null && !shortBreaksOnly && latest.Dec <= end && latest.Dec >= start && latest.Rec != "X1" && Days.Age(child.Dob, latest.Dec) >= 16)
        {
            if (Draw(child, year, 1) >= 0.01) // about 1 in 100 cohort children has no OC1 row: a warning, not an error
            {
                bool gcse = Draw(child, year, 2) < _la.A2Chance(year);
                _line.Field(id).Date(child.Dob).Flag(gcse).Flag(gcse && Draw(child, year, 3) < 0.25).WriteTo(f.Oc1);
                counts.Oc1++;
            }
        }

        // OC2: looked after continuously for 12 months at 31 March (period started on or before 31 March of the year before).
        // In the QP era about 1 in 100 of the cohort has no row (a warning case); later the DfE requires every one.
        if (!shortBreaksOnly && latest.Dec > end && PeriodStart(child, end) <= Days.End(year - 1) && (!qp || Draw(child, year, 4) >= 0.01))
        {
            WriteOc2(f.Oc2, child, id, year, age);
            counts.Oc2++;
        }
        if (!qp) WriteDfeTables(f, child, id, year, counts);
        if (f.Oc3 is { } leavers && CareLeavers.Oc3Age(child, year) is int cohortAge)
            WriteOc3(leavers, child, id, year, cohortAge, counts);
    }

    /// <summary>
    /// The child's UASC row, when the child came into care as an unaccompanied asylum-seeking child, the year has the table and the
    /// DUC (18th birthday) is not before the year's start (the DfE's 104): a UASC row every year up to and including that of the DUC.
    /// </summary>
    private void WriteUasc(YearFiles f, SimChild child, string id, int year, SampleCounts counts)
    {
        if (f.Uasc is not { } uascFile || !IsUasc(child) || CareLeavers.Duc(child) < Days.Start(year)) return;
        _line.Field(id).Field(DfeYear.Sex(child.Sex, year)).Date(child.Dob).Date(CareLeavers.Duc(child)).WriteTo(uascFile);
        counts.Other++;
    }

    /// <summary>Whether the child is an unaccompanied asylum-seeking child (a draw of the child's own, the same every year).</summary>
    private bool IsUasc(SimChild child) => CareLeavers.IsUasc(child, Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, 0x0A5C));

    /// <summary>The care leaver's OC3 row: contact, activity and accommodation around the birthday they turn <paramref name="age"/> in the year.</summary>
    private void WriteOc3(StreamWriter w, SimChild child, string id, int year, int age, SampleCounts counts)
    {
        var (inTouch, activ, accom) = CareLeavers.Oc3Codes(age, Draw(child, year, 60), Draw(child, year, 61), Draw(child, year, 62));
        // A care leaver reported as having died stays so in every later cohort year (the DfE's 348).
        for (int y = year - 1; inTouch != "DIED" && y > DfeYear.LastQpYear && CareLeavers.Oc3Age(child, y) is int before; y--)
            if (CareLeavers.Oc3Codes(before, Draw(child, y, 60), Draw(child, y, 61), Draw(child, y, 62)).InTouch == "DIED") (inTouch, activ, accom) = ("DIED", "0", "0");
        _line.Field(id).Date(child.Dob).Field(inTouch).Field(activ).Field(accom).WriteTo(w);
        counts.Other++;
    }

    /// <summary>The child's rows in the DfE tables after the QP era (Reviews, AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes).</summary>
    private void WriteDfeTables(YearFiles f, SimChild child, string id, int year, SampleCounts counts)
    {
        int start = Days.Start(year), end = Days.End(year);
        var eps = child.Episodes;
        if (f.PrevPerm is { } pp && eps.Any(e => e.Rne == 'S' && e.Decom >= start && e.Decom <= end))
        {
            // Asked of every child who started to be looked after in the year (once). A few children aged 3+ at their first
            // entry come into care after an adoption (P1), special guardianship (P2) or residence/child arrangements order (P3)
            // made years before by this authority; the rest had none (Z1, no authority or date).
            double u = Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, 0x77);
            int firstEntry = eps[0].Decom, earliest = Days.Birthday(child.Dob, 1), latest = firstEntry - 365;
            if (u < 0.06 && !eps[0].IsShortBreak && latest > earliest)
            {
                string kind = u < 0.02 ? "P1" : u < 0.04 ? "P2" : "P3";
                int made = earliest + (int)(u / 0.06 * (latest - earliest));
                _line.Field(id).Date(child.Dob).Field(kind).Field(DfeYear.LaPerm(_la.LaCode))
                    .Date(made).WriteTo(pp);
            }
            else _line.Field(id).Date(child.Dob).Field("Z1").Field(null).Field(null).WriteTo(pp);
            counts.Other++;
        }
        if (eps[0].IsShortBreak) return; // short breaks: no reviews, adoption, missing or social worker data
        // Each period of care that overlaps the year: [p, q) in the child's episodes.
        for (int p = 0; p < eps.Count && eps[p].Decom <= end;)
        {
            int q = p + 1;
            while (q < eps.Count && eps[q].Rne != 'S') q++;
            int periodStart = eps[p].Decom, periodEnd = eps[q - 1].Dec;
            if (periodEnd >= start)
            {
                WriteReviews(f.Reviews, child, id, periodStart, periodEnd, start, end, counts);
                WriteAdoption(f, child, id, p, q, end, counts);
                WriteMissing(f.Missing, child, id, year, p, q, start, end, counts);
            }
            p = q;
        }
        WriteSocialWorkers(f.SwEpisodes, child, id, year, start, end, counts);
    }

    /// <summary>Statutory reviews: 20 working days (about 28 days) after entry, three months later, then every six months.</summary>
    private void WriteReviews(StreamWriter? w, SimChild child, string id, int periodStart, int periodEnd, int start, int end, SampleCounts counts)
    {
        if (w is null) return;
        for (int day = periodStart + 28, n = 0; day < periodEnd && day <= end; day += n == 1 ? 91 : 182, n++)
        {
            if (day < start) continue;
            int age = Days.Age(child.Dob, day);
            double u = Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, (ulong)day, 0x5E);
            string code = age < 4 ? "PN0" : "PN" + (1 + (int)(u * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _line.Field(id).Date(child.Dob).Date(day).Field(code).WriteTo(w);
            counts.Other++;
        }
    }

    /// <summary>
    /// The adoption decision (PlacedAdoption, while the plan stands and once decided) and, for a child adopted in the year, AD1:
    /// decision, then matching, then placement, then the order, in that order.
    /// </summary>
    private void WriteAdoption(YearFiles f, SimChild child, string id, int p, int q, int end, SampleCounts counts)
    {
        var eps = child.Episodes;
        int placed = -1;
        for (int j = p; j < q; j++) if (eps[j].Placement.Place[0] == 'A') { placed = j; break; }
        if (placed < 0) return;
        int periodStart = eps[p].Decom, placedDay = eps[placed].Decom;
        double u = Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, (ulong)periodStart, 0xAD);
        int decision = periodStart + 1 + (int)((placedDay - periodStart - 1) * (0.3 + 0.4 * u));
        int match = decision + (int)((placedDay - decision) * (0.5 + 0.5 * u));
        if (decision > end) return;
        if (f.PlacedAdoption is { } pa)
        {
            _line.Field(id).Date(child.Dob).Date(decision).Field(null).Field(null).WriteTo(pa);
            counts.Other++;
        }
        var last = eps[q - 1];
        if (f.Ad1 is { } ad1 && last.Rec is "E11" or "E12" && last.Dec <= end && Days.YearOf(last.Dec) == Days.YearOf(end))
        {
            bool fosterCarer = last.Placement.Place is "A3" or "A5";
            (string nb, string sex, string ls) = (u * 1000 % 1) switch
            {
                < 0.12 => ("1", "F1", "L0"),
                < 0.15 => ("1", "M1", "L0"),
                < 0.70 => ("2", "MF", "L11"),
                < 0.75 => ("2", "FF", "L12"),
                < 0.78 => ("2", "MM", "L12"),
                < 0.95 => ("2", "MF", "L3"),
                _ => ("2", "FF", "L4"),
            };
            _line.Field(id).Date(child.Dob).Date(decision).Date(match).Flag(fosterCarer).Field(nb).Field(sex).Field(ls).WriteTo(ad1);
            counts.Other++;
        }
    }

    /// <summary>About one child in ten aged 11 or more goes missing or is away without authorisation once in a year, for a day or two.</summary>
    private void WriteMissing(StreamWriter? w, SimChild child, string id, int year, int p, int q, int start, int end, SampleCounts counts)
    {
        if (w is null || Days.Age(child.Dob, end) < 11 || Draw(child, year, 30) >= 0.1) return;
        var eps = child.Episodes;
        for (int j = p; j < q; j++)
        {
            // A spell that starts and ends within one placement episode and within the year.
            int from = Math.Max(eps[j].Decom + 1, start), to = Math.Min(eps[j].Dec - 1, end);
            if (to - from < 5 || eps[j].Placement.IsTemporary) continue;
            int missingStart = from + (int)(Draw(child, year, 31) * (to - from - 3));
            int missingEnd = missingStart + 1 + (int)(Draw(child, year, 32) * 2);
            _line.Field(id).Date(child.Dob).Field(Draw(child, year, 33) < 0.7 ? "M" : "A").Date(missingStart).Date(missingEnd).WriteTo(w);
            counts.Other++;
            return;
        }
    }

    private static readonly string[] SocialWorkerChangeReasons = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "OTHERS"];

    /// <summary>The child's allocated social workers through the year (from 2023-24): from 1 April or entry, the last one still allocated at 31 March.</summary>
    private void WriteSocialWorkers(StreamWriter? w, SimChild child, string id, int year, int start, int end, SampleCounts counts)
    {
        if (w is null) return;
        // From 1 April (or entry) to 31 March (or leaving care): a change of worker falls while the child is looked after.
        int from = -1, until = end;
        foreach (var e in child.Episodes)
        {
            if (e.Decom > end) break;
            if (e.Dec >= start && from < 0) from = Math.Max(start, e.Decom);
            until = Math.Min(end, e.Dec);
        }
        // The DfE asks a reason on every social worker episode: why this worker was allocated.
        string first = SocialWorkerChangeReasons[(int)(Draw(child, year, 53) * SocialWorkerChangeReasons.Length)];
        string Worker(int k) => "SW" + (100000 + (int)(Draw(child, year, 40 + k) * 899999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A child who comes back into care in the year gets a worker episode from the return (the DfE's SW12STG2 asks one per
        // period of care); the earlier one ends that day.
        int back = -1;
        foreach (var e in child.Episodes)
            if (e.Rne == 'S' && e.Decom > from && e.Decom <= end) back = e.Decom;
        if (back > 0)
        {
            string reason = SocialWorkerChangeReasons[(int)(Draw(child, year, 52) * SocialWorkerChangeReasons.Length)];
            _line.Field(id).Date(child.Dob).Field(Worker(0)).Date(from).Date(back).Field(first).WriteTo(w);
            _line.Field(id).Date(child.Dob).Field(Worker(1)).Date(back).Field(null).Field(reason).WriteTo(w);
            counts.Other += 2;
        }
        else if (until - from > 60 && Draw(child, year, 50) < 0.35)
        {
            int change = from + 30 + (int)(Draw(child, year, 51) * (until - from - 60));
            string reason = SocialWorkerChangeReasons[(int)(Draw(child, year, 52) * SocialWorkerChangeReasons.Length)];
            _line.Field(id).Date(child.Dob).Field(Worker(0)).Date(from).Date(change).Field(first).WriteTo(w);
            _line.Field(id).Date(child.Dob).Field(Worker(1)).Date(change).Field(null).Field(reason).WriteTo(w);
            counts.Other += 2;
        }
        else
        {
            _line.Field(id).Date(child.Dob).Field(Worker(0)).Date(from).Field(null).Field(first).WriteTo(w);
            counts.Other++;
        }
    }

    /// <summary>
    /// The birth of the young person's first child as <paramref name="year"/>'s return knows it. After the QP era a baby born in a
    /// DfE year after an episode of that year ended is left out of every DfE year's return (the DfE's 625 wants MC_DOB no later than
    /// the latest DEC, and its 626 the same motherhood every year), so the girl is reported as no mother.
    /// </summary>
    internal static int BabyDob(SimChild child, int year)
    {
        int baby = child.BabyDob;
        if (DfeYear.IsQpEra(year) || baby == SimEpisode.Never || DfeYear.IsQpEra(Days.YearOf(baby))) return baby;
        int start = Days.Start(Days.YearOf(baby));
        foreach (var e in child.Episodes)
            if (e.Dec >= start && e.Dec < baby) return SimEpisode.Never;
        return baby;
    }

    /// <summary>The start of the period of care the child is in at <paramref name="day"/> (its latest RNE S episode by then).</summary>
    private static int PeriodStart(SimChild child, int day)
    {
        int startDay = child.Episodes[0].Decom;
        foreach (var e in child.Episodes)
        {
            if (e.Decom > day) break;
            if (e.Rne == 'S') startDay = e.Decom;
        }
        return startDay;
    }

    /// <summary>Moves before 1 April 2015 predate the field, so earlier history rows carry none.</summary>
    private static readonly int ReasonPlaceChangeFrom = new DateOnly(2015, 4, 1).DayNumber;

    private static readonly string[] PlaceChangeReasons = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"];

    /// <summary>Why the placement changed, as the DfE asks when an episode ends in a move between two non-temporary placements.</summary>
    private string? ReasonPlaceChange(SimChild child, SimEpisode e, SimEpisode next)
    {
        if (e.Rec != "X1" || next.Rne is not ('P' or 'B' or 'T' or 'U') || e.Placement.IsTemporary || next.Placement.IsTemporary) return null;
        double u = Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, (ulong)e.Decom, 0x8C);
        return PlaceChangeReasons[(int)(u * PlaceChangeReasons.Length)];
    }

    /// <summary>The child's UPN; unknown ones are blank in the QP era and coded later (UN1 under school age, else UN5).</summary>
    private static string? UpnFor(SimChild child, int year, bool shortBreaks)
    {
        if (child.Upn is not null || !DfeYear.HasUpnCodes(year)) return child.Upn;
        // School age: 4 or more on 31 August before the year began.
        bool schoolAge = Days.Age(child.Dob, new DateOnly(year - 2, 8, 31).DayNumber) >= 4;
        return schoolAge ? "UN5" : shortBreaks ? null : "UN1";
    }

    private void WriteOc2(TextWriter w, SimChild child, string id, int year, int age)
    {
        bool qp = DfeYear.IsQpEra(year);
        _line.Field(id).Date(child.Dob);
        // SDQ (from 2008-09) for children aged 4 to 17: a score, or why there is none (never SDQ1, which means out of that age range).
        if (DfeYear.HasSdq(year) && age is >= 4 and <= 17 && Draw(child, year, 10) < 0.8)
            _line.Field((int)(Draw(child, year, 11) * 21 + Draw(child, year, 12) * 20)).Field(null);
        else if (DfeYear.HasSdq(year) && age is >= 4 and <= 17)
            _line.Field(null).Field("SDQ" + (2 + (int)(Draw(child, year, 13) * 4)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            _line.Field(null).Field(null);
        if (age >= 10) _line.Flag(Draw(child, year, 14) < 0.05); else _line.Field(null);
        // Health promotion (developmental) checks are for children under 5.
        if (age < 5) _line.Flag(Draw(child, year, 15) < 0.82); else _line.Field(null);
        _line.Flag(Draw(child, year, 16) < 0.78).Flag(Draw(child, year, 17) < 0.80).Flag(Draw(child, year, 18) < _la.HaChance(year));
        bool misuse = age >= 10 && Draw(child, year, 19) < 0.04;
        if (age >= 10 || !qp) _line.Flag(misuse); else _line.Field(null);
        if (misuse)
        {
            // An intervention offered is asked only when none was received.
            bool received = Draw(child, year, 20) < 0.6;
            _line.Flag(received);
            if (received) _line.Field(null); else _line.Flag(Draw(child, year, 21) < 0.5);
        }
        else _line.Field(null).Field(null);
        _line.WriteTo(w);
    }

    /// <summary>A per-child, per-year draw that needs no stream, so it does not depend on which years are written.</summary>
    private double Draw(SimChild child, int year, int what) =>
        Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, (ulong)year, (ulong)what);

    /// <summary>The table files of one year's return; a table the year does not have is null.</summary>
    private sealed class YearFiles : IDisposable
    {
        private readonly Dictionary<string, StreamWriter> _files = new(StringComparer.Ordinal);

        public YearFiles(string folder, IReadOnlyList<(string File, string Columns)> tables)
        {
            Directory.CreateDirectory(folder);
            foreach (var (file, columns) in tables) _files[file] = Open(folder, file, columns);
        }

        public StreamWriter Header => _files["Header.csv"];
        public StreamWriter Episodes => _files["Episodes.csv"];
        public StreamWriter Oc2 => _files["OC2.csv"];
        public StreamWriter? Oc1 => _files.GetValueOrDefault("OC1.csv");
        public StreamWriter? Cpr => _files.GetValueOrDefault("CPR.csv");
        public StreamWriter? Reviews => _files.GetValueOrDefault("Reviews.csv");
        public StreamWriter? Ad1 => _files.GetValueOrDefault("AD1.csv");
        public StreamWriter? Uasc => _files.GetValueOrDefault("UASC.csv");
        public StreamWriter? Oc3 => _files.GetValueOrDefault("OC3.csv");
        public StreamWriter? PlacedAdoption => _files.GetValueOrDefault("PlacedAdoption.csv");
        public StreamWriter? PrevPerm => _files.GetValueOrDefault("PrevPerm.csv");
        public StreamWriter? Missing => _files.GetValueOrDefault("Missing.csv");
        public StreamWriter? SwEpisodes => _files.GetValueOrDefault("SWEpisodes.csv");

        private static StreamWriter Open(string folder, string name, string header)
        {
            var w = new StreamWriter(Path.Combine(folder, name), append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
            w.Write(header);
            w.Write('\n');
            return w;
        }

        public void Dispose()
        {
            foreach (var w in _files.Values) w.Dispose();
        }
    }
}

/// <summary>Rows written per table (and files), summed over authorities and years.</summary>
public sealed class SampleCounts
{
    /// <summary>Header rows (children in the returns).</summary>
    public long Headers { get; set; }
    /// <summary>Episode rows.</summary>
    public long Episodes { get; set; }
    /// <summary>OC1 rows.</summary>
    public long Oc1 { get; set; }
    /// <summary>OC2 rows.</summary>
    public long Oc2 { get; set; }
    /// <summary>CPR rows.</summary>
    public long Cpr { get; set; }
    /// <summary>Rows of the DfE's other tables (Reviews, UASC, OC3, AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes).</summary>
    public long Other { get; set; }
    /// <summary>Files written.</summary>
    public long Files { get; set; }

    /// <summary>Adds <paramref name="other"/> into this.</summary>
    public void Add(SampleCounts other)
    {
        Headers += other.Headers; Episodes += other.Episodes; Oc1 += other.Oc1; Oc2 += other.Oc2; Cpr += other.Cpr; Other += other.Other; Files += other.Files;
    }
}
