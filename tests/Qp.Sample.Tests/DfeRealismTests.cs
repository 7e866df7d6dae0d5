using static Qp.Sample.Tests.DirectCounts;

namespace Qp.Sample.Tests;

/// <summary>Modern-era returns of four authorities, in both shapes.</summary>
public sealed class ModernRun : IDisposable
{
    public static readonly int[] Years = [2015, 2016, 2022, 2023, 2024, 2025, 2026];
    public string Whole { get; } = TestSupport.NewDir();
    public string Real { get; } = TestSupport.NewDir();

    public ModernRun()
    {
        var las = TestSupport.Pick(202, 805, 926, 330);
        SampleGenerator.Generate(Whole, las, new SampleOptions(Years, SampleScale.Small, 3, AggregateYears: [], Shape: SampleShape.Whole));
        SampleGenerator.Generate(Real, las, new SampleOptions(Years, SampleScale.Small, 3, AggregateYears: [], Shape: SampleShape.Real));
    }

    public static IEnumerable<(string Folder, int Year)> Returns(string dir) =>
        Directory.GetDirectories(dir).Order(StringComparer.Ordinal).Select(f => (f, int.Parse(Path.GetFileName(f)[4..])));

    public void Dispose()
    {
        TestSupport.Delete(Whole);
        TestSupport.Delete(Real);
    }
}

/// <summary>
/// The DfE's rules (by their DfE codes) that a realistic return keeps, checked directly on the files: each would be broken
/// by a generator that put URNs, providers, postcodes and codes where the DfE does not have them.
/// </summary>
public class DfeRealismTests(ModernRun run) : IClassFixture<ModernRun>
{
    private static readonly string[] NoUrn = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"];

    private static IEnumerable<(string Folder, int Year, Dictionary<string, string> Row)> EpisodeRows(string dir) =>
        ModernRun.Returns(dir).SelectMany(r => ReadTable(Path.Combine(r.Folder, "Episodes.csv")).Select(row => (r.Folder, r.Year, row)));

    [Fact]
    public void Urn_provider_and_postcodes_only_where_the_DfE_has_them()
    {
        var problems = new List<string>();
        int rows = 0;
        foreach (var (folder, year, r) in EpisodeRows(run.Whole).Concat(EpisodeRows(run.Real)))
        {
            rows++;
            string where = $"{folder} {r["CHILD"]} {r["DECOM"]}";
            if (NoUrn.Contains(r["PLACE"]) && r["URN"] != "") problems.Add($"{where}: URN on {r["PLACE"]} (DfE 222)");
            if (r["PLACE"][0] is 'T' or 'Z' && r["PLACE_PROVIDER"] != "") problems.Add($"{where}: provider on {r["PLACE"]} (DfE 213)");
            if (r["LS"] is "V3" or "V4" && (r["HOME_POST"] + r["PL_POST"] + r["URN"]) != "") problems.Add($"{where}: postcode or URN on a short break (DfE 214/398)");
            if (r["LS"] is "V3" or "V4" && r["PLACE"] is "U1" or "U4") problems.Add($"{where}: short break in long-term fostering (DfE 384)");
            if (r["PLACE"] == "P1" && r["LS"] == "V2") problems.Add($"{where}: P1 under V2 (DfE 378)");
            if (r["PLACE"] != "P1" && r["HOME_POST"] != "" && r["HOME_POST"] == r["PL_POST"]) problems.Add($"{where}: placed at the home postcode but not with parents (DfE 392d)");
            if (r["PLACE"] is "A5" or "A6" && year >= 2007 && r["LS"] != "E1") problems.Add($"{where}: placed for adoption under a placement order without LS E1 (DfE 408)");
            if (!NoUrn.Contains(r["PLACE"]) && r["LS"] is not ("V3" or "V4") && r["PLACE"] is not ("H5" or "P2") && r["URN"] == "") problems.Add($"{where}: no URN on {r["PLACE"]} (DfE 218)");
            if (r["PLACE"] == "P2" && year >= 2024 && (Date(r["DEC"]) ?? DateOnly.MaxValue) > new DateOnly(2023, 10, 28)) problems.Add($"{where}: P2 placement open after 28/10/2023 (DfE 217t)");
            if (r["PLACE"] == "H5" && year == 2024 && (Date(r["DEC"]) ?? DateOnly.MaxValue) > new DateOnly(2023, 10, 28) && r["URN"] == "") problems.Add($"{where}: H5 open after 28/10/2023 without URN (DfE 230)");
        }
        rows.Should().BeGreaterThan(5000);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_entry_to_care_in_the_year_has_a_social_worker_episode_from_that_day()
    {
        // The DfE's SW12STG2: a period of care starting in the year needs a worker episode starting on or after its DECOM, and a
        // child who comes back into care has more than one period in the year.
        int entries = 0, returns = 0;
        var problems = new List<string>();
        foreach (var (folder, year) in ModernRun.Returns(run.Whole).Concat(ModernRun.Returns(run.Real)).Where(r => r.Year >= 2024))
        {
            var sw = ReadTable(Path.Combine(folder, "SWEpisodes.csv")).ToLookup(r => r["CHILD"], r => Date(r["SW_DECOM"])!.Value);
            foreach (var g in ReadTable(Path.Combine(folder, "Episodes.csv")).GroupBy(r => r["CHILD"]))
            {
                if (g.Any(r => r["LS"] is "V3" or "V4")) continue;
                var starts = g.Where(r => r["RNE"] == "S").Select(r => Date(r["DECOM"])!.Value).Where(d => d >= new DateOnly(year - 1, 4, 1)).ToList();
                entries += starts.Count;
                returns += Math.Max(0, starts.Count - 1);
                foreach (var d in starts)
                    if (!sw[g.Key].Any(x => x >= d)) problems.Add($"{folder} {g.Key}: no worker episode from the entry on {d:dd/MM/yyyy}");
            }
        }
        entries.Should().BeGreaterThan(100);
        returns.Should().BeGreaterThan(0);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Codes_are_those_of_the_year()
    {
        foreach (var (folder, year) in ModernRun.Returns(run.Real))
        {
            var sex = ReadTable(Path.Combine(folder, "Header.csv")).Select(r => r["SEX"]).Distinct().Order().ToList();
            sex.Should().Equal(year >= 2025 ? ["F", "M"] : ["1", "2"], $"SEX in {folder}");
            var places = ReadTable(Path.Combine(folder, "Episodes.csv")).Select(r => r["PLACE"]).ToHashSet();
            places.Should().NotContain(["Q1", "Q2"], "the legacy foster codes went in 2000-01");
            if (year >= 2026) places.Should().NotContain(["H5", "P2", "Z1"], "2025-26 replaced them by K3 and Z11–Z14");
            else places.Should().NotContain(["K3", "Z11", "Z12", "Z13", "Z14"], $"{folder} is before 2025-26");
            var recs = ReadTable(Path.Combine(folder, "Episodes.csv")).Select(r => r["REC"]).ToHashSet();
            if (year >= 2016) recs.Should().NotContain(["E43", "E44"], "special guardianship is E45/E46 by then (DfE 149)");
        }
        ModernRun.Returns(run.Real).Where(r => r.Year == 2026)
            .SelectMany(r => ReadTable(Path.Combine(r.Folder, "Episodes.csv"))).Select(r => r["PLACE"])
            .Should().Contain(p => p == "K3").And.Contain(p => p.StartsWith("Z1"));
    }

    [Fact]
    public void Legal_statuses_last_no_longer_than_the_law_allows_and_temporary_placements_return_to_the_placement_before()
    {
        var problems = new List<string>();
        foreach (var (folder, _) in ModernRun.Returns(run.Whole))
        {
            foreach (var (child, eps) in ReadEpisodes(folder))
            {
                for (int i = 0; i < eps.Count; i++)
                {
                    var e = eps[i];
                    // A run of episodes under one short-order legal status (police protection, CAO, EPO, PACE).
                    int limit = e.Ls switch { "L1" => 3, "L3" => 7, "L2" => 8, "J2" => 2, _ => int.MaxValue };
                    if (limit < int.MaxValue && (i == 0 || eps[i - 1].Ls != e.Ls || eps[i - 1].Rec != "X1"))
                    {
                        int j = i;
                        while (j + 1 < eps.Count && eps[j + 1].Ls == e.Ls && eps[j].Rec == "X1") j++;
                        if (eps[j].Dec is { } until && until.DayNumber - e.Decom.DayNumber > limit)
                            problems.Add($"{folder} {child}: {e.Ls} for {until.DayNumber - e.Decom.DayNumber} days from {e.Decom}");
                    }
                    if (!e.Temporary || e.Dec is null) continue;
                    if (e.Rec != "X1") problems.Add($"{folder} {child}: a period ends in a temporary placement (DfE 381)");
                    else if (i > 0 && i + 1 < eps.Count && (eps[i + 1].Rne != "P" || eps[i + 1].Place != eps[i - 1].Place || eps[i + 1].PlPost != eps[i - 1].PlPost))
                        problems.Add($"{folder} {child}: after {e.Place} on {e.Decom} not back to the placement before (DfE 383)");
                }
            }
        }
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Oc2_health_fields_follow_the_childs_age_and_the_substance_misuse_answers()
    {
        int rows = 0;
        foreach (var (folder, year) in ModernRun.Returns(run.Whole))
        {
            var end = new DateOnly(year, 3, 31);
            foreach (var r in ReadTable(Path.Combine(folder, "OC2.csv")))
            {
                rows++;
                int age = Age(Date(r["DOB"])!.Value, end);
                (r["HEALTH_CHECK"] != "").Should().Be(age < 5, "health promotion checks are for under-5s (DfE 546)");
                new[] { r["IMMUNISATIONS"], r["TEETH_CHECK"], r["HEALTH_ASSESSMENT"], r["SUBSTANCE_MISUSE"] }.Should().NotContain("", "DfE 182/191");
                if (r["INTERVENTION_RECEIVED"] == "1") r["INTERVENTION_OFFERED"].Should().BeEmpty("DfE 158");
                r["SDQ_REASON"].Should().NotBe("SDQ1", "SDQ1 means out of the SDQ age range (DfE 157)");
                if (age is >= 4 and <= 17) (r["SDQ_SCORE"] + r["SDQ_REASON"]).Should().NotBeEmpty("DfE 197B");
            }
        }
        rows.Should().BeGreaterThan(500);
    }

    [Fact]
    public void Reason_for_placement_change_is_given_on_every_move_between_placements_from_2015_16_and_only_then()
    {
        int given = 0;
        foreach (var (folder, year) in ModernRun.Returns(run.Whole))
        {
            foreach (var (_, rows) in ReadTable(Path.Combine(folder, "Episodes.csv")).GroupBy(r => r["CHILD"]).Select(g => (g.Key, g.ToList())))
            {
                for (int i = 0; i < rows.Count; i++)
                {
                    var r = rows[i];
                    var next = i + 1 < rows.Count ? rows[i + 1] : null;
                    bool move = year >= 2016 && r["REC"] == "X1" && Date(r["DEC"]) >= new DateOnly(2015, 4, 1) && next is not null && next["RNE"] is "P" or "B" or "T" or "U"
                        && r["PLACE"][0] != 'T' && next["PLACE"][0] != 'T';
                    (r["REASON_PLACE_CHANGE"] != "").Should().Be(move, $"{folder} {r["CHILD"]} {r["DECOM"]} (DfE 225)");
                    if (move) given++;
                }
            }
        }
        given.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Every_girl_has_motherhood_and_every_child_a_upn_or_its_unknown_code_after_the_qp_era()
    {
        foreach (var (folder, year) in ModernRun.Returns(run.Real))
        {
            var episodes = ReadEpisodes(folder);
            var shortBreakOnly = episodes.Where(p => p.Value.All(e => e.Ls is "V3" or "V4")).Select(p => p.Key).ToHashSet();
            // Care leavers with no episodes in the year have no MOTHER (DfE 628; CareLeaverRowsTests checks them).
            foreach (var r in ReadTable(Path.Combine(folder, "Header.csv")).Where(r => episodes.ContainsKey(r["CHILD"]) && !shortBreakOnly.Contains(r["CHILD"])))
            {
                if (r["SEX"] is "2" or "F") r["MOTHER"].Should().NotBeEmpty($"{folder} {r["CHILD"]} (DfE 607)");
                r["UPN"].Should().NotBeEmpty($"{folder} {r["CHILD"]} (DfE 442)");
            }
        }
    }

    [Fact]
    public void Each_year_has_the_DfE_tables_of_that_year()
    {
        string[] Files(int year) => Directory.GetFiles(ModernRun.Returns(run.Real).First(r => r.Year == year).Folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Files(2016).Should().Equal("AD1.csv", "Episodes.csv", "Header.csv", "Missing.csv", "OC2.csv", "OC3.csv", "PlacedAdoption.csv", "Reviews.csv", "UASC.csv");
        Files(2023).Should().Equal("AD1.csv", "Episodes.csv", "Header.csv", "Missing.csv", "OC2.csv", "OC3.csv", "PlacedAdoption.csv", "PrevPerm.csv", "Reviews.csv", "UASC.csv");
        Files(2026).Should().Contain("SWEpisodes.csv").And.NotContain(["OC1.csv", "CPR.csv"]);
        ReadTable(Path.Combine(ModernRun.Returns(run.Real).First(r => r.Year == 2026).Folder, "SWEpisodes.csv")).Should().NotBeEmpty();
    }

    [Fact]
    public void Real_shape_holds_the_episodes_open_in_the_year_and_continues_last_years_open_episode()
    {
        var real = ModernRun.Returns(run.Real).ToList();
        int continued = 0;
        foreach (var (folder, year) in real)
        {
            var start = new DateOnly(year - 1, 4, 1);
            foreach (var (child, eps) in ReadEpisodes(folder))
                eps.Should().OnlyContain(e => e.Dec == null || e.Dec >= start, $"{folder} {child}: every episode is open in the year");
            var prior = real.FirstOrDefault(r => r.Year == year - 1 && Path.GetFileName(r.Folder)[..3] == Path.GetFileName(folder)[..3]);
            if (prior.Folder is null) continue;
            var now = ReadEpisodes(folder);
            foreach (var (child, eps) in ReadEpisodes(prior.Folder))
            {
                if (eps[^1].Dec is not null) continue;
                now.Should().ContainKey(child, $"{child} was looked after at 31 March {year - 1}");
                var first = now[child][0];
                var expected = eps[^1] with { Dec = first.Dec, Rec = first.Rec };
                if (year == 2026 && eps[^1].Place is "H5" or "P2" or "Z1")
                {
                    // The 2025-26 code change: H5/P2 become K3 (with its URN), Z1 one of Z11–Z14.
                    first.Place.Should().Be(eps[^1].Place == "Z1" ? first.Place : "K3").And.StartWith(eps[^1].Place == "Z1" ? "Z1" : "K3");
                    expected = expected with { Place = first.Place, Urn = first.Urn };
                }
                // H5 placements carry an Ofsted URN from 2023-24 (registration began on 28 October 2023).
                if (year == 2024 && eps[^1].Place == "H5") expected = expected with { Urn = first.Urn };
                first.Should().Be(expected, "this year's first episode is last year's open one (DfE 502/503)");
                continued++;
            }
        }
        continued.Should().BeGreaterThan(500);
    }

    [Fact]
    public void Real_shape_rows_are_the_whole_shape_rows_open_in_the_year()
    {
        foreach (var ((real, year), (whole, _)) in ModernRun.Returns(run.Real).Zip(ModernRun.Returns(run.Whole)))
        {
            var wholeLines = File.ReadLines(Path.Combine(whole, "Episodes.csv")).ToHashSet();
            File.ReadLines(Path.Combine(real, "Episodes.csv")).Should().OnlyContain(l => wholeLines.Contains(l), $"{real}");
            File.ReadAllBytes(Path.Combine(real, "OC2.csv")).Should().Equal(File.ReadAllBytes(Path.Combine(whole, "OC2.csv")), "the OC2 cohort does not depend on the shape");
        }
    }

    [Fact]
    public void Adoption_tables_agree_with_the_episodes()
    {
        int adopted = 0;
        foreach (var (folder, year) in ModernRun.Returns(run.Real))
        {
            var start = new DateOnly(year - 1, 4, 1);
            var eps = ReadEpisodes(folder);
            var ad1 = ReadTable(Path.Combine(folder, "AD1.csv")).ToDictionary(r => r["CHILD"]);
            var decided = ReadTable(Path.Combine(folder, "PlacedAdoption.csv")).ToDictionary(r => r["CHILD"], r => Date(r["DATE_PLACED"])!.Value);
            var adoptedHere = eps.Where(p => p.Value[^1].Rec is "E11" or "E12").Select(p => p.Key).ToHashSet();
            ad1.Keys.Should().BeEquivalentTo(adoptedHere, $"AD1 is for the children adopted in the year (DfE 601/602) in {folder}");
            foreach (var (child, list) in eps)
            {
                var placed = list.FirstOrDefault(e => e.Place[0] == 'A');
                if (placed is null) continue;
                decided.Should().ContainKey(child, $"a child placed for adoption has the decision date (DfE 551) in {folder}");
                decided[child].Should().BeOnOrBefore(placed.Decom, "DfE 552");
                if (!ad1.TryGetValue(child, out var a)) continue;
                adopted++;
                Date(a["DATE_INT"]).Should().Be(decided[child], "DfE 523");
                Date(a["DATE_MATCH"])!.Value.Should().BeOnOrAfter(decided[child]).And.BeOnOrBefore(placed.Decom, "DfE 331/333");
                a["FOSTER_CARE"].Should().Be(list[^1].Place is "A3" or "A5" ? "1" : "0", "DfE 335");
            }
        }
        adopted.Should().BeGreaterThan(10);
    }

    [Fact]
    public void Real_shape_is_deterministic_and_a_year_alone_is_the_same_as_in_a_longer_run()
    {
        string dir = TestSupport.NewDir();
        try
        {
            SampleGenerator.Generate(dir, TestSupport.Pick(926), new SampleOptions([2023], SampleScale.Small, 3, AggregateYears: [], Shape: SampleShape.Real));
            var alone = TestSupport.Hashes(Path.Combine(dir, "926_2023"));
            TestSupport.Hashes(Path.Combine(run.Real, "926_2023")).Should().Equal(alone);
        }
        finally { TestSupport.Delete(dir); }
    }
}

/// <summary>The DfE's age rules on legal status (358) and staying put (460) at the edges of a birthday, on England-scale returns.</summary>
public class AgeEdgeTests
{
    [Fact]
    public void No_youth_justice_status_on_the_10th_birthday_and_no_staying_put_before_the_18th()
    {
        // These five authorities' 2024-25 England-scale returns (seed 1) had a J1/J2 episode starting on the 10th birthday (391, 879)
        // or an E17 DEC moved off 1 April to the 30 March before the 18th birthday (874, 891, 933).
        string dir = TestSupport.NewDir();
        try
        {
            SampleGenerator.Generate(dir, TestSupport.Pick(391, 874, 879, 891, 933), new SampleOptions([2025], SampleScale.England, 1, AggregateYears: []));
            var problems = new List<string>();
            int e17 = 0, j = 0;
            foreach (var folder in Directory.GetDirectories(dir))
            {
                var dob = ReadTable(Path.Combine(folder, "Header.csv")).ToDictionary(h => h["CHILD"], h => Date(h["DOB"])!.Value);
                foreach (var e in ReadTable(Path.Combine(folder, "Episodes.csv")))
                {
                    var born = dob[e["CHILD"]];
                    if (e["LS"].StartsWith('J') && ++j > 0 && Date(e["DECOM"])!.Value <= born.AddYears(10))
                        problems.Add($"{folder} {e["CHILD"]}: {e["LS"]} from {e["DECOM"]}, not over 10 (DfE 358)");
                    if (e["REC"] == "E17" && ++e17 > 0 && Date(e["DEC"])!.Value < born.AddYears(18))
                        problems.Add($"{folder} {e["CHILD"]}: E17 on {e["DEC"]}, before the 18th birthday (DfE 460)");
                }
            }
            problems.Should().BeEmpty();
            e17.Should().BeGreaterThan(0);
            j.Should().BeGreaterThan(0);
        }
        finally
        {
            TestSupport.Delete(dir);
        }
    }
}
