using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Tests.Indicators;

/// <summary>A2 on collection year 2001 (1 April 2000 – 31 March 2001): care leavers aged 16+ with a GCSE/GNVQ.</summary>
public class A2CareLeaverQualificationsTests
{
    private static CohortCount Count(ReturnBuilder b) => new A2CareLeaverQualifications().Count(b.Build(), ChildHistory.None);

    [Fact]
    public void Leaving_on_the_16th_birthday_is_in_the_cohort_and_the_day_before_is_not()
    {
        // A born 10/06/1984 leaves 10/06/2000: 16 that day → cohort, GCSE → numerator.
        // B born 10/06/1984 leaves 09/06/2000: still 15 → outside. 1/1.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "10/06/1984", "01/01/1999 S C2 U4 10/06/2000 E8").Oc1("A", true)
            .Child("B", "10/06/1984", "01/01/1999 S C2 U4 09/06/2000 E8"));

        count.Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void Numerator_is_OC1_QUAL_GCSE_GNVQ_equal_to_1()
    {
        // Three 17-year-old leavers: A has a GCSE, B has none, C has none → 1/3.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1983", "01/01/1999 S C2 U4 01/06/2000 E8").Oc1("A", true)
            .Child("B", "01/01/1983", "01/01/1999 S C2 U4 01/07/2000 E8").Oc1("B", false)
            .Child("C", "01/01/1983", "01/01/1999 S C2 U4 01/08/2000 E8").Oc1("C", false));

        count.Should().BeEquivalentTo(new CohortCount(1, 3, []));
    }

    [Fact]
    public void A_latest_episode_ending_X1_is_not_leaving_care()
    {
        // X1 means a new episode starts the same day, so this child has not left: outside the cohort. 0/0.
        Count(new ReturnBuilder(2001).Child("A", "01/01/1983", "01/01/1999 S C2 U4 01/06/2000 X1").Oc1("A", true))
            .Should().BeEquivalentTo(new CohortCount(0, 0, []));
    }

    [Fact]
    public void A_child_who_left_twice_counts_once()
    {
        // Left at 17 in May, came back in August, left again in January: one cohort member, GCSE → 1/1.
        var count = Count(new ReturnBuilder(2001).Child("A", "01/01/1983",
            "01/01/1999 S C2 U4 01/05/2000 E8", "01/08/2000 S C2 U4 15/01/2001 E8").Oc1("A", true));

        count.Should().BeEquivalentTo(new CohortCount(1, 1, []));
    }

    [Fact]
    public void A_child_who_left_and_came_back_is_not_a_care_leaver()
    {
        // Left at 17 in May, back in August and still looked after at 31 March: latest episode has not ended. 0/0.
        Count(new ReturnBuilder(2001).Child("A", "01/01/1983", "01/01/1999 S C2 U4 01/05/2000 E8", "01/08/2000 S C2 U4").Oc1("A", true))
            .Should().BeEquivalentTo(new CohortCount(0, 0, []));
    }

    [Fact]
    public void Leaving_dates_from_1_April_to_31_March_are_in_the_year()
    {
        // A leaves 01/04/2000 (last day looked after was 31 March 2000: leaves in 2000-01) → in.
        // B leaves 31/03/2001 (not open at the end of 31 March) → in.
        // C leaves 31/03/2000 → the previous year's leaver → out. 2/2 (both have GCSEs).
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1983", "01/01/1999 S C2 U4 01/04/2000 E8").Oc1("A", true)
            .Child("B", "01/01/1983", "01/01/1999 S C2 U4 31/03/2001 E8").Oc1("B", true)
            .Child("C", "01/01/1983", "01/01/1999 S C2 U4 31/03/2000 E8").Oc1("C", true));

        count.Should().BeEquivalentTo(new CohortCount(2, 2, []));
    }

    [Fact]
    public void A_cohort_child_with_no_OC1_row_counts_in_the_denominator_only_with_one_aggregated_warning()
    {
        // A has a GCSE; B and C have no OC1 row → 1/3 and one warning naming no child.
        var count = Count(new ReturnBuilder(2001)
            .Child("A", "01/01/1983", "01/01/1999 S C2 U4 01/06/2000 E8").Oc1("A", true)
            .Child("CHILD-B", "01/01/1983", "01/01/1999 S C2 U4 01/07/2000 E8")
            .Child("CHILD-C", "01/01/1983", "01/01/1999 S C2 U4 01/08/2000 E8"));

        count.Numerator.Should().Be(1);
        count.Denominator.Should().Be(3);
        count.Warnings.Should().Equal("2 children in the A2 cohort have no OC1 row (counted in the denominator only)");
        count.Warnings.Should().NotContain(w => w.Contains("CHILD-"));
    }

    [Fact]
    public void A_leaver_with_no_Header_row_has_no_known_age_and_is_left_out_with_a_warning()
    {
        var count = Count(new ReturnBuilder(2001).Episodes("A", "01/01/1999 S C2 U4 01/06/2000 E8"));

        count.Denominator.Should().Be(0);
        count.Warnings.Should().Equal("1 child who left care during the year has no Header row, so no known age (left out of A2)");
    }
}
