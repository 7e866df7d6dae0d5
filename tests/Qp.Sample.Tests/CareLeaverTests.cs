using static Qp.Sample.Tests.DirectCounts;

namespace Qp.Sample.Tests;

/// <summary>The care leaver (OC3) cohort and UASC facts, on children built by hand.</summary>
public class CareLeaverFactsTests
{
    private static readonly DateOnly Dob = new(2000, 6, 1); // 14 on 1/6/2014, 16 on 1/6/2016, 17 on 1/6/2017 (collection year 2018)

    private static SimChild Child(char sex, DateOnly dob, params (DateOnly From, DateOnly To, string Rec, string Ls)[] episodes)
    {
        var child = new SimChild { Number = 1, Sex = sex, Dob = dob.DayNumber, Ethnic = "WBRI", Upn = null, HomePost = "AB1 2CD" };
        foreach (var (from, to, rec, ls) in episodes)
            child.Episodes.Add(new SimEpisode { Decom = from.DayNumber, Dec = to.DayNumber, Rne = 'S', Rec = rec, Ls = ls, Cin = "N1", Placement = new Placement("U4", "PR1", "SC123456", "AB3 4EF") });
        return child;
    }

    private static int?[] Ages(SimChild child, int from, int to) => Enumerable.Range(from, to - from + 1).Select(y => CareLeavers.Oc3Age(child, y)).ToArray();

    [Fact]
    public void A_young_person_who_left_care_at_16_is_in_the_cohort_the_years_they_turn_17_to_21()
    {
        // In care 1/1/2015–1/1/2017 (aged 14.6–16.6): 731 days after 14, 214 after 16.
        var child = Child('1', Dob, (new(2015, 1, 1), new(2017, 1, 1), "E8", "C2"));
        Ages(child, 2017, 2023).Should().Equal(null, 17, 18, 19, 20, 21, null);
    }

    [Fact]
    public void Before_2015_16_the_cohort_is_19_to_21_and_before_2013_14_19_only()
    {
        // Born 1/6/1994, in care 1/1/2009–1/1/2011: turns 18 in 2012-13, 19 in 2013-14 … 21 in 2015-16.
        var child = Child('2', new DateOnly(1994, 6, 1), (new(2009, 1, 1), new(2011, 1, 1), "E8", "C2"));
        Ages(child, 2012, 2017).Should().Equal(null, null, 19, 20, 21, null);
        // Born 1/6/1993: 19 in 2012-13, when 19 was the whole cohort; 20 in 2013-14.
        Ages(Child('2', new DateOnly(1993, 6, 1), (new(2008, 1, 1), new(2010, 1, 1), "E8", "C2")), 2013, 2014).Should().Equal(19, 20);
    }

    [Fact]
    public void Thirteen_weeks_after_the_14th_birthday_and_a_day_after_the_16th_are_needed()
    {
        // 1/5/2016–31/7/2016 is 91 days (30 + 30 + 31), the last 60 of them after the 16th birthday.
        CareLeavers.Oc3Age(Child('1', Dob, (new(2016, 5, 1), new(2016, 7, 31), "E8", "V2")), 2018).Should().Be(17);
        CareLeavers.Oc3Age(Child('1', Dob, (new(2016, 5, 1), new(2016, 7, 30), "E8", "V2")), 2018).Should().BeNull("90 days is short of 13 weeks");
        // Two years in care, but all before the 16th birthday (1/6/2016).
        CareLeavers.Oc3Age(Child('1', Dob, (new(2014, 5, 1), new(2016, 5, 31), "E8", "C2")), 2018).Should().BeNull();
        CareLeavers.Oc3Age(Child('1', Dob, (new(2014, 5, 1), new(2016, 6, 2), "E8", "C2")), 2018).Should().Be(17);
        // Short breaks do not count.
        CareLeavers.Oc3Age(Child('1', Dob, (new(2015, 1, 1), new(2015, 1, 4), "E8", "V3"), (new(2016, 7, 1), new(2016, 7, 4), "E8", "V3")), 2018).Should().BeNull();
    }

    [Fact]
    public void No_care_leaver_information_while_looked_after_on_the_birthday_or_after_adoption_death_or_a_residence_order()
    {
        // Looked after on the 17th birthday (1/6/2017), left 1/8/2017: not in 2017-18's cohort (DfE 1007), in 2018-19's at 18.
        Ages(Child('1', Dob, (new(2015, 1, 1), new(2017, 8, 1), "E8", "C2")), 2018, 2019).Should().Equal(null, 18);
        // Left on the birthday itself (DfE 1016: on or after).
        CareLeavers.Oc3Age(Child('1', Dob, (new(2015, 1, 1), new(2017, 6, 1), "E8", "C2")), 2018).Should().BeNull();
        foreach (var rec in new[] { "E11", "E12", "E2", "E3" })
            CareLeavers.Oc3Age(Child('1', Dob, (new(2015, 1, 1), new(2017, 1, 1), rec, "C2")), 2018).Should().BeNull(rec);
    }

    [Fact]
    public void Codes_follow_contact_age_and_the_DfE_rules_on_them()
    {
        CareLeavers.Oc3Codes(19, 0.0, 0.0, 0.0).Should().Be(("YES", "F1", "U1"));
        CareLeavers.Oc3Codes(17, 0.0, 0.0, 0.0).Should().Be(("YES", "F2", "U1"), "higher education is for 18 and over");
        CareLeavers.Oc3Codes(19, 0.90, 0.0, 0.0).Should().Be(("NO", "0", "0"), "YES takes [0, 0.87), NO [0.87, 0.92)");
        CareLeavers.Oc3Codes(19, 0.999, 0.5, 0.5).Should().Be(("DIED", "0", "0"));
        // ACCOM: U1 [0, .30), D1 [.30, .48), Z1 [.48, .60), B1, E1, K1 [.76, .80), T1 [.80, .83).
        CareLeavers.Oc3Codes(18, 0.0, 0.0, 0.5).Accom.Should().Be("Z1");
        CareLeavers.Oc3Codes(17, 0.0, 0.0, 0.5).Accom.Should().Be("D1", "nobody turning 17 lives with former foster carers (DfE 3001)");
        CareLeavers.Oc3Codes(19, 0.0, 0.0, 0.81).Accom.Should().Be("T1");
        CareLeavers.Oc3Codes(18, 0.0, 0.0, 0.81).Accom.Should().Be("E1", "nobody under 18 at 1 April is in a foyer (DfE 347)");

        string[] activ = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"];
        string[] accom = ["B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2",
            "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2"];
        for (int age = 17; age <= 21; age++)
            for (double u = 0.0025; u < 1; u += 0.005)
            {
                var (inTouch, a, c) = CareLeavers.Oc3Codes(age, u, u, 1 - u);
                if (inTouch == "YES") { activ.Should().Contain(a); accom.Should().Contain(c); } // DfE 132/133/345
                else (a, c).Should().Be(("0", "0")); // DfE 344 (and nothing to report when not in touch)
                if (age == 17) c.Should().NotStartWith("Z");
                if (age < 19) c.Should().NotStartWith("T");
            }
    }

    [Fact]
    public void Unaccompanied_asylum_seekers_first_came_into_care_aged_14_to_17_from_April_2004_mostly_boys()
    {
        var boy15 = Child('1', new DateOnly(1995, 6, 1), (new(2010, 9, 1), new(2013, 6, 1), "E8", "V2"));
        CareLeavers.IsUasc(boy15, 0.85).Should().BeTrue();
        CareLeavers.IsUasc(boy15, 0.95).Should().BeFalse();
        var girl15 = Child('2', new DateOnly(1995, 6, 1), (new(2010, 9, 1), new(2013, 6, 1), "E8", "V2"));
        CareLeavers.IsUasc(girl15, 0.11).Should().BeTrue();
        CareLeavers.IsUasc(girl15, 0.13).Should().BeFalse();
        CareLeavers.IsUasc(Child('1', new DateOnly(1997, 6, 1), (new(2010, 9, 1), new(2015, 6, 1), "E8", "V2")), 0.0).Should().BeFalse("13 at entry");
        CareLeavers.IsUasc(Child('1', new DateOnly(1988, 6, 1), (new(2003, 9, 1), new(2006, 6, 1), "E8", "V2")), 0.0).Should().BeFalse("entered before April 2004");
        CareLeavers.IsUasc(Child('1', new DateOnly(1995, 6, 1), (new(2010, 9, 1), new(2010, 9, 3), "E8", "V3")), 0.0).Should().BeFalse("short breaks");
        CareLeavers.Duc(boy15).Should().Be(new DateOnly(2013, 6, 1).DayNumber);
    }
}

/// <summary>Codes and dates of the DfE years that the generator derives from a child's history or authority, on cases built by hand.</summary>
public class DfeYearCodeTests
{
    [Fact]
    public void LA_PERM_gives_the_code_an_authority_had_before_the_reorganisations()
    {
        // The DfE's 633 list has Bournemouth 836, Northamptonshire 928 and Cumbria 909, not BCP 839, North/West Northants 940/941, Westmorland 943.
        DfeYear.LaPerm(839).Should().Be("836");
        DfeYear.LaPerm(838).Should().Be("835");
        DfeYear.LaPerm(940).Should().Be("928");
        DfeYear.LaPerm(941).Should().Be("928");
        DfeYear.LaPerm(943).Should().Be("909");
        DfeYear.LaPerm(202).Should().Be("202");
    }

    [Fact]
    public void An_H5_episode_from_before_28_October_2023_keeps_a_blank_URN_until_it_is_shown_as_K3()
    {
        int before = new DateOnly(2023, 1, 24).DayNumber, after = new DateOnly(2023, 10, 28).DayNumber;
        DfeYear.Urn("H5", "SC206184", 2023, before).Should().Be("");
        DfeYear.Urn("H5", "SC206184", 2024, before).Should().Be("", "the same blank as in the 2022-23 return (DfE 503F)");
        DfeYear.Urn("H5", "SC206184", 2024, after).Should().Be("SC206184", "registered from 28/10/2023 (DfE 230)");
        DfeYear.Urn("H5", "SC206184", 2026, before).Should().Be("SC206184", "shown as K3 with its URN");
        DfeYear.Urn("P2", "SC206184", 2025, before).Should().Be("");
    }

    [Fact]
    public void A_baby_born_after_an_episode_of_that_year_ended_is_not_reported_in_DfE_years()
    {
        var girl = new SimChild { Number = 1, Sex = '2', Dob = new DateOnly(2006, 5, 1).DayNumber, Ethnic = "WBRI", Upn = null, HomePost = "AB1 2CD" };
        girl.Episodes.Add(new SimEpisode { Decom = new DateOnly(2022, 9, 1).DayNumber, Dec = new DateOnly(2023, 6, 1).DayNumber, Rne = 'S', Rec = "E8", Ls = "C2", Cin = "N1", Placement = new Placement("U4", "PR1", "SC123456", "AB3 4EF") });
        girl.BabyDob = new DateOnly(2023, 7, 1).DayNumber; // after the DEC of 01/06/2023 in 2023-24 (DfE 625)
        ReturnWriter.BabyDob(girl, 2024).Should().Be(SimEpisode.Never);
        ReturnWriter.BabyDob(girl, 2025).Should().Be(SimEpisode.Never, "the same every year (DfE 626)");
        girl.BabyDob = new DateOnly(2023, 5, 1).DayNumber; // before that DEC
        ReturnWriter.BabyDob(girl, 2024).Should().Be(girl.BabyDob);
        girl.BabyDob = new DateOnly(2023, 3, 1).DayNumber; // in 2022-23, before any DEC of that year
        ReturnWriter.BabyDob(girl, 2024).Should().Be(girl.BabyDob);
    }
}

/// <summary>OC3 and UASC rows in generated returns of both shapes, checked against the DfE's rules on the files.</summary>
public class CareLeaverRowsTests(ModernRun run) : IClassFixture<ModernRun>
{
    private static int AgeTurned(DateOnly dob, int year) => CollectionYearAge(dob, new DateOnly(year, 3, 31));

    private static int CollectionYearAge(DateOnly dob, DateOnly on) => on.Year - dob.Year - (on < dob.AddYears(on.Year - dob.Year) ? 1 : 0);

    private static IEnumerable<(string Folder, int Year)> All(ModernRun run) => ModernRun.Returns(run.Real).Concat(ModernRun.Returns(run.Whole));

    [Fact]
    public void Every_OC3_row_is_a_care_leaver_of_the_year_with_consistent_codes()
    {
        int rows = 0, withoutEpisodes = 0;
        var ages = new SortedSet<int>();
        foreach (var (folder, year) in All(run))
        {
            var header = ReadTable(Path.Combine(folder, "Header.csv")).ToDictionary(r => r["CHILD"]);
            var episodes = ReadEpisodes(folder);
            var oc3 = ReadTable(Path.Combine(folder, "OC3.csv"));
            oc3.Select(r => r["CHILD"]).Should().OnlyHaveUniqueItems($"{folder} (DfE INT34)");
            foreach (var r in oc3)
            {
                rows++;
                string where = $"{folder} {r["CHILD"]}";
                header.Should().ContainKey(r["CHILD"], where + " (DfE INT06)");
                header[r["CHILD"]]["DOB"].Should().Be(r["DOB"], where + " (DfE INT15)");
                var dob = Date(r["DOB"])!.Value;
                int age = AgeTurned(dob, year);
                ages.Add(age);
                (year >= 2016 ? age is >= 17 and <= 21 : age is >= 19 and <= 21).Should().BeTrue($"{where} turns {age} (DfE 391)");
                if (r["IN_TOUCH"] == "YES") (r["ACTIV"] != "0" && r["ACCOM"] != "0").Should().BeTrue(where + " (DfE 345)");
                else (r["ACTIV"], r["ACCOM"]).Should().Be(("0", "0"), where);
                var birthday = dob.AddYears(age);
                if (episodes.TryGetValue(r["CHILD"], out var eps))
                {
                    eps.Should().OnlyContain(e => e.Dec != null && e.Dec < birthday, where + " left care before the birthday (DfE 1007/1016)");
                    eps.Should().NotContain(e => e.Rec == "E11" || e.Rec == "E12" || e.Rec == "E2" || e.Rec == "E3", where + " (DfE 1000/1011)");
                }
                else
                {
                    withoutEpisodes++;
                    (header[r["CHILD"]]["MOTHER"] + header[r["CHILD"]]["MC_DOB"]).Should().BeEmpty(where + " has no episodes (DfE 628)");
                }
            }
            // A Header row without episodes is a care leaver's, and then nothing else is reported for them (DfE 1012).
            var leavers = oc3.Select(r => r["CHILD"]).ToHashSet();
            foreach (var child in header.Keys.Where(c => !episodes.ContainsKey(c))) leavers.Should().Contain(child, $"{folder} {child}");
            // UASC is not among the DfE's 1012 tables: a UASC care leaver keeps their row up to the year of the DUC (see the UASC test).
            foreach (var table in new[] { "Reviews", "Missing", "OC2", "AD1", "PlacedAdoption", "PrevPerm", "SWEpisodes" })
            {
                string path = Path.Combine(folder, table + ".csv");
                if (File.Exists(path)) ReadTable(path).Select(x => x["CHILD"]).Where(c => !episodes.ContainsKey(c)).Should().BeEmpty($"{folder} {table} (DfE 1012)");
            }
        }
        rows.Should().BeGreaterThan(100);
        withoutEpisodes.Should().BeGreaterThan(rows / 3, "most care leavers left care in an earlier year");
        ages.Should().Equal(17, 18, 19, 20, 21);
    }

    [Fact]
    public void UASC_rows_are_for_children_looked_after_in_the_year_with_DUC_the_18th_birthday_and_no_home_postcode()
    {
        int rows = 0, boys = 0, children = 0, leavers = 0;
        var seen = new HashSet<string>();
        foreach (var (folder, year) in All(run))
        {
            var header = ReadTable(Path.Combine(folder, "Header.csv")).ToDictionary(r => r["CHILD"]);
            var episodes = ReadTable(Path.Combine(folder, "Episodes.csv")).ToLookup(r => r["CHILD"]);
            var oc3 = ReadTable(Path.Combine(folder, "OC3.csv")).Select(r => r["CHILD"]).ToHashSet();
            children += header.Count;
            foreach (var r in ReadTable(Path.Combine(folder, "UASC.csv")))
            {
                rows++;
                string where = $"{folder} {r["CHILD"]}";
                header[r["CHILD"]]["SEX"].Should().Be(r["SEX"], where + " (DfE INT21)");
                var dob = Date(r["DOB"])!.Value;
                Date(r["DUC"]).Should().Be(dob.AddYears(18), where + " (DfE 205B, 304)");
                Date(r["DUC"])!.Value.Should().BeOnOrAfter(new DateOnly(year - 1, 4, 1), where + " (DfE 104)");
                if (!episodes[r["CHILD"]].Any())
                {
                    // A UASC care leaver not looked after in the year: Header and OC3 only, and the row up to the DUC's year.
                    oc3.Should().Contain(r["CHILD"], where);
                    leavers++;
                    continue;
                }
                episodes[r["CHILD"]].Should().OnlyContain(e => e["HOME_POST"] == "", where + " (no distance: DfE 406)");
                // Came into care aged 14 or more.
                CollectionYearAge(dob, episodes[r["CHILD"]].Min(e => Date(e["DECOM"])!.Value)).Should().BeGreaterThanOrEqualTo(14, where);
                if (seen.Add(r["CHILD"]) && r["SEX"] is "1" or "M") boys++;
            }
        }
        leavers.Should().BeGreaterThan(0, "some UASC care leavers turn 18 the year after they left care");
        rows.Should().BeGreaterThan(20);
        children.Should().BeGreaterThan(rows * 10);
        boys.Should().BeGreaterThan(seen.Count * 8 / 10, "most unaccompanied asylum-seeking children are boys");
    }

    [Fact]
    public void A_UASC_child_in_next_years_Header_has_a_UASC_row_there_unless_the_DUC_fell_in_this_year()
    {
        // The DfE's 205A: UASC last year and not this year only when last year's DUC was within last year.
        int checkedChildren = 0;
        foreach (var returns in new[] { ModernRun.Returns(run.Real), ModernRun.Returns(run.Whole) })
        {
            var byFolder = returns.ToDictionary(r => (Path.GetFileName(r.Folder).Split('_')[0], r.Year), r => r.Folder);
            foreach (var ((la, year), folder) in byFolder)
            {
                if (!byFolder.TryGetValue((la, year + 1), out var next)) continue;
                var nextHeader = ReadTable(Path.Combine(next, "Header.csv")).Select(r => r["CHILD"]).ToHashSet();
                var nextUasc = ReadTable(Path.Combine(next, "UASC.csv")).Select(r => r["CHILD"]).ToHashSet();
                foreach (var r in ReadTable(Path.Combine(folder, "UASC.csv")))
                {
                    if (!nextHeader.Contains(r["CHILD"]) || Date(r["DUC"]) <= new DateOnly(year, 3, 31)) continue;
                    checkedChildren++;
                    nextUasc.Should().Contain(r["CHILD"], $"{next} {r["CHILD"]}: DUC {r["DUC"]} after {year}'s year (DfE 205A)");
                }
            }
        }
        checkedChildren.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_year_of_OC3_and_UASC_is_the_same_whichever_years_are_written_and_for_the_same_seed()
    {
        string a = TestSupport.NewDir(), b = TestSupport.NewDir(), c = TestSupport.NewDir();
        try
        {
            var la = TestSupport.Pick(926);
            SampleGenerator.Generate(a, la, new SampleOptions([2026], SampleScale.Small, 5, AggregateYears: []));
            SampleGenerator.Generate(b, la, new SampleOptions([2024, 2025, 2026], SampleScale.Small, 5, AggregateYears: []));
            SampleGenerator.Generate(c, la, new SampleOptions([2026], SampleScale.Small, 6, AggregateYears: []));
            string A(string dir, string file) => File.ReadAllText(Path.Combine(dir, "926_2026", file));
            A(b, "OC3.csv").Should().Be(A(a, "OC3.csv"));
            A(b, "UASC.csv").Should().Be(A(a, "UASC.csv"));
            A(b, "Header.csv").Should().Be(A(a, "Header.csv"));
            A(c, "OC3.csv").Should().NotBe(A(a, "OC3.csv"), "another seed, other young people");
        }
        finally { TestSupport.Delete(a); TestSupport.Delete(b); TestSupport.Delete(c); }
    }
}
