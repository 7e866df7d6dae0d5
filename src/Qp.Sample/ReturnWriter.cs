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
    }

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tables of a return of <paramref name="year"/>, as file name and header, in the order they are written.</summary>
    public static IReadOnlyList<(string File, string Columns)> TablesOf(int year) => DfeYear.IsQpEra(year)
        ? [("Header.csv", Columns.Header), ("Episodes.csv", Columns.Episodes), ("OC1.csv", Columns.Oc1), ("OC2.csv", Columns.Oc2), ("CPR.csv", Columns.Cpr)]
        : [("Header.csv", Columns.Header), ("Episodes.csv", Columns.Episodes), ("OC2.csv", Columns.Oc2)];

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
                int last = lastDec == SimEpisode.Never ? int.MaxValue : Days.YearOf(lastDec);
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
    /// that started their period. An episode still open at 31 March has no DEC or REC.
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
        if (!inYear) return;
        string id = child.Id;
        bool qp = DfeYear.IsQpEra(year);

        // Header
        int age = Days.Age(child.Dob, end);
        bool girl = child.Sex == '2';
        string? mother = girl && (age >= 12 || DfeYear.MotherForEveryGirl(year)) ? (child.BabyDob <= end ? "1" : "0") : null;
        _line.Field(id).Field(DfeYear.Sex(child.Sex, year)).Date(child.Dob).Field(child.Ethnic).Field(UpnFor(child, year, _slice[^1].IsShortBreak)).Field(mother)
            .Date(mother == "1" ? child.BabyDob : SimEpisode.Never).WriteTo(f.Header);
        counts.Headers++;

        // Episodes
        for (int k = 0; k < _slice.Count; k++)
        {
            var e = _slice[k];
            bool closed = e.Dec <= end;
            var next = k + 1 < _slice.Count ? _slice[k + 1] : null;
            string? reason = closed && next is not null && DfeYear.HasReasonPlaceChange(year) ? ReasonPlaceChange(child, e, next) : null;
            bool shortBreak = e.IsShortBreak;
            _line.Field(id).Date(e.Decom).Field(e.Rne == 'S' ? "S" : e.Rne.ToString()).Field(e.Ls).Field(e.Cin)
                .Field(DfeYear.Place(e.Placement.Place, year, Draw(child, 0, 100)))
                .Field(e.Placement.Provider).Date(closed ? e.Dec : SimEpisode.Never).Field(closed ? e.Rec : null).Field(reason)
                .Field(shortBreak ? null : DfeYear.Postcode(child.HomePost, year)).Field(shortBreak ? null : DfeYear.Postcode(e.Placement.PlPost, year))
                .Field(shortBreak ? null : DfeYear.Urn(e.Placement.Place, e.Placement.Urn, year)).WriteTo(f.Episodes);
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
    /// <summary>Files written.</summary>
    public long Files { get; set; }

    /// <summary>Adds <paramref name="other"/> into this.</summary>
    public void Add(SampleCounts other)
    {
        Headers += other.Headers; Episodes += other.Episodes; Oc1 += other.Oc1; Oc2 += other.Oc2; Cpr += other.Cpr; Files += other.Files;
    }
}
