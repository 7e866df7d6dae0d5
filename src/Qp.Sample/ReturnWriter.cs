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

    private readonly ulong _seed;
    private readonly AuthorityParameters _la;
    private readonly CsvLine _line = new();
    private readonly List<SimEpisode> _slice = new(16);

    public ReturnWriter(ulong seed, AuthorityParameters la)
    {
        _seed = seed;
        _la = la;
    }

    /// <summary>Writes OUT/&lt;la&gt;_&lt;year&gt;/ for every year and returns the rows written per table.</summary>
    public SampleCounts Write(string outDir, CareSimulation sim, IReadOnlyList<int> years)
    {
        var counts = new SampleCounts();
        var files = new YearFiles[years.Count];
        try
        {
            for (int i = 0; i < years.Count; i++) files[i] = new YearFiles(Path.Combine(outDir, $"{_la.LaCode}_{years[i]}"));
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
                if (i < 0) continue;
                int end = Days.End(year);
                _line.Field("C" + reg.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Date(reg.Dob).Date(reg.RegDay)
                    .Date(reg.DeregDay <= end ? reg.DeregDay : SimEpisode.Never).Field(reg.Category).Flag(reg.PreviouslyRegistered).WriteTo(files[i].Cpr);
                counts.Cpr++;
            }
        }
        finally
        {
            foreach (var f in files) f?.Dispose();
        }
        counts.Files = years.Count * 5;
        return counts;
    }

    private static int IndexOf(IReadOnlyList<int> years, int year)
    {
        for (int i = 0; i < years.Count; i++) if (years[i] == year) return i;
        return -1;
    }

    /// <summary>
    /// The child's rows in year <paramref name="year"/>'s return: every episode of the current period of care (from its
    /// latest RNE S episode) and any earlier episode open in the year — together with the rest of that earlier period, so
    /// a child's rows always begin with the RNE S episode that started their period. An episode still open at 31 March
    /// has no DEC or REC.
    /// </summary>
    private void WriteChild(YearFiles f, SimChild child, int year, SampleCounts counts)
    {
        int start = Days.Start(year), end = Days.End(year);
        var eps = child.Episodes;
        _slice.Clear();
        bool inYear = false;
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
        if (!inYear) return;
        string id = child.Id;

        // Header
        int age = Days.Age(child.Dob, end);
        string? mother = child.Sex == '2' && age >= 12 ? (child.BabyDob <= end ? "1" : "0") : null;
        _line.Field(id).Field(child.Sex == '1' ? "1" : "2").Date(child.Dob).Field(child.Ethnic).Field(child.Upn).Field(mother)
            .Date(mother == "1" ? child.BabyDob : SimEpisode.Never).WriteTo(f.Header);
        counts.Headers++;

        // Episodes
        foreach (var e in _slice)
        {
            bool closed = e.Dec <= end;
            _line.Field(id).Date(e.Decom).Field(e.Rne == 'S' ? "S" : e.Rne.ToString()).Field(e.Ls).Field(e.Cin).Field(e.Placement.Place)
                .Field(e.Placement.Provider).Date(closed ? e.Dec : SimEpisode.Never).Field(closed ? e.Rec : null).Field(null)
                .Field(child.HomePost).Field(e.Placement.PlPost).Field(e.Placement.Urn).WriteTo(f.Episodes);
            counts.Episodes++;
        }

        // OC1: the A2 cohort — latest episode ended in the year (not X1), not looked after at 31 March, 16+ on leaving.
        var latest = _slice[^1];
        bool shortBreaksOnly = latest.IsShortBreak;
        if (!shortBreaksOnly && latest.Dec <= end && latest.Dec >= start && latest.Rec != "X1" && Days.Age(child.Dob, latest.Dec) >= 16)
        {
            if (Draw(child, year, 1) >= 0.01) // about 1 in 100 cohort children has no OC1 row: a warning, not an error
            {
                bool gcse = Draw(child, year, 2) < _la.A2Chance(year);
                _line.Field(id).Date(child.Dob).Flag(gcse).Flag(gcse && Draw(child, year, 3) < 0.25).WriteTo(f.Oc1);
                counts.Oc1++;
            }
        }

        // OC2: looked after continuously for 12 months at 31 March (period started on or before 31 March of the year before).
        if (!shortBreaksOnly && latest.Dec > end && PeriodStart(_slice) <= Days.End(year - 1) && Draw(child, year, 4) >= 0.01)
        {
            WriteOc2(f.Oc2, child, id, year, age);
            counts.Oc2++;
        }
    }

    private static int PeriodStart(List<SimEpisode> slice)
    {
        for (int j = slice.Count - 1; j >= 0; j--) if (slice[j].Rne == 'S') return slice[j].Decom;
        return slice[0].Decom;
    }

    private void WriteOc2(TextWriter w, SimChild child, string id, int year, int age)
    {
        _line.Field(id).Date(child.Dob);
        if (age is >= 4 and <= 16 && Draw(child, year, 10) < 0.8)
            _line.Field((int)(Draw(child, year, 11) * 21 + Draw(child, year, 12) * 20)).Field(null);
        else if (age is >= 4 and <= 16)
            _line.Field(null).Field("SDQ" + (1 + (int)(Draw(child, year, 13) * 5)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            _line.Field(null).Field(null);
        if (age >= 10) _line.Flag(Draw(child, year, 14) < 0.05); else _line.Field(null);
        _line.Flag(Draw(child, year, 15) < 0.82).Flag(Draw(child, year, 16) < 0.78).Flag(Draw(child, year, 17) < 0.80)
            .Flag(Draw(child, year, 18) < _la.HaChance(year));
        bool misuse = age >= 10 && Draw(child, year, 19) < 0.04;
        if (age >= 10) _line.Flag(misuse); else _line.Field(null);
        if (misuse)
        {
            bool received = Draw(child, year, 20) < 0.6;
            _line.Flag(received).Flag(!received && Draw(child, year, 21) < 0.5);
        }
        else _line.Field(null).Field(null);
        _line.WriteTo(w);
    }

    /// <summary>A per-child, per-year draw that needs no stream, so it does not depend on which years are written.</summary>
    private double Draw(SimChild child, int year, int what) =>
        Prng.Hash01(_seed, (ulong)_la.LaCode, (ulong)child.Number, (ulong)year, (ulong)what);

    /// <summary>The five table files of one year's return.</summary>
    private sealed class YearFiles : IDisposable
    {
        public readonly StreamWriter Header, Episodes, Oc1, Oc2, Cpr;

        public YearFiles(string folder)
        {
            Directory.CreateDirectory(folder);
            Header = Open(folder, "Header.csv", Columns.Header);
            Episodes = Open(folder, "Episodes.csv", Columns.Episodes);
            Oc1 = Open(folder, "OC1.csv", Columns.Oc1);
            Oc2 = Open(folder, "OC2.csv", Columns.Oc2);
            Cpr = Open(folder, "CPR.csv", Columns.Cpr);
        }

        private static StreamWriter Open(string folder, string name, string header)
        {
            var w = new StreamWriter(Path.Combine(folder, name), append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
            w.Write(header);
            w.Write('\n');
            return w;
        }

        public void Dispose()
        {
            Header.Dispose(); Episodes.Dispose(); Oc1.Dispose(); Oc2.Dispose(); Cpr.Dispose();
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
