using Qp.Domain.Indicators;
using Qp.Domain.Indicators.Calculators;

namespace Qp.Domain.Tests.Indicators;

/// <summary>A3, B7 and C23 on collection year 2001 (1 April 2000 – 31 March 2001).</summary>
public class A3B7C23Tests
{
    [Fact]
    public void A3_counts_registrations_dated_in_the_year_and_re_registrations_by_PREV_REG()
    {
        // In the year: A (PREV_REG 1), B (0), C (0) → 3; D registered 31/03/2000 is last year's. Re-registrations: A. 1/3.
        var r = new ReturnBuilder(2001).Cpr("A", "01/04/2000", prevReg: true).Cpr("B", "31/03/2001").Cpr("C", "15/09/2000")
            .Cpr("D", "31/03/2000", prevReg: true).Build();

        new A3ReRegistrations().Count(r, ChildHistory.None).Should().BeEquivalentTo(new CohortCount(1, 3, []));
    }

    [Fact]
    public void A3_counts_a_child_with_an_earlier_registration_in_the_store_as_re_registered()
    {
        // A and B have PREV_REG 0; the store holds an earlier registration of B (and of Z, not registered this year) → B only: 1/2.
        var r = new ReturnBuilder(2001).Cpr("A", "01/05/2000").Cpr("B", "01/06/2000").Build();
        var history = new ChildHistory(new HashSet<string> { "B", "Z" });

        new A3ReRegistrations().Count(r, history).Should().BeEquivalentTo(new CohortCount(1, 2, []));
    }

    [Fact]
    public void A3_counts_a_second_registration_in_the_same_year_as_a_re_registration()
    {
        // A registered 01/05/2000 and again 01/11/2000: the second is of a child registered before. 1/2.
        var r = new ReturnBuilder(2001).Cpr("A", "01/11/2000").Cpr("A", "01/05/2000").Build();

        new A3ReRegistrations().Count(r, ChildHistory.None).Should().BeEquivalentTo(new CohortCount(1, 2, []));
    }

    [Fact]
    public void B7_counts_foster_and_adoption_placements_open_on_31_March()
    {
        // At 31 March: A U4, B Q1 (legacy foster), C A4 (placed for adoption) → numerator;
        // D R1 (residential) and E T0 (hospital, read as written) → denominator only; F left in March → outside. 3/5.
        var r = new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "01/01/2000 S C2 U4")
            .Child("B", "01/01/1990", "01/01/2000 S C2 Q1")
            .Child("C", "01/01/1990", "01/01/2000 S C2 A4")
            .Child("D", "01/01/1990", "01/01/2000 S C2 R1")
            .Child("E", "01/01/1990", "01/01/2000 S C2 U4 25/03/2001 X1", "25/03/2001 P C2 T0")
            .Child("F", "01/01/1990", "01/01/2000 S C2 U4 15/03/2001 E8")
            .Build();

        new B7FosterOrAdoption().Count(r, ChildHistory.None).Should().BeEquivalentTo(new CohortCount(3, 5, []));
    }

    [Fact]
    public void C23_denominator_is_looked_after_continuously_for_six_months_from_30_September()
    {
        // A's period of care started 30/09/2000 → exactly 6 months → in. B started 01/10/2000 → out.
        // C started 01/01/1999 but re-entered (RNE S) 01/12/2000 → period starts 01/12/2000 → out. 0/1.
        var r = new ReturnBuilder(2001)
            .Child("A", "01/01/1990", "30/09/2000 S C2 U4")
            .Child("B", "01/01/1990", "01/10/2000 S C2 U4")
            .Child("C", "01/01/1990", "01/01/1999 S C2 U4 01/11/2000 E8", "01/12/2000 S C2 U4")
            .Build();

        new C23Adoptions().Count(r, ChildHistory.None).Should().BeEquivalentTo(new CohortCount(0, 1, []));
    }

    [Fact]
    public void C23_numerator_is_children_adopted_during_the_year()
    {
        // A adopted (E11) 01/06/2000 and B (E12) 31/03/2001 → numerator; C adopted 31/03/2000 (last year) → no;
        // D still looked after since 1999 → denominator. Adopted children have left, so are not in the denominator. 2/1.
        var r = new ReturnBuilder(2001)
            .Child("A", "01/01/1995", "01/01/1999 S C2 A4 01/06/2000 E11")
            .Child("B", "01/01/1995", "01/01/1999 S C2 A4 31/03/2001 E12")
            .Child("C", "01/01/1995", "01/01/1999 S C2 A4 31/03/2000 E11")
            .Child("D", "01/01/1995", "01/01/1999 S C2 U4")
            .Build();

        new C23Adoptions().Count(r, ChildHistory.None).Should().BeEquivalentTo(new CohortCount(2, 1, []));
    }
}
