namespace Qp.Export.Tests;

public class RoundingTests
{
    [Theory]
    // Halves go away from zero, judged on the decimal the stored double stands for:
    // 12.25 is exact in binary; 12.35, 0.05, 1.15 and 2.675 are not (12.35 is held as 12.3499999999999996…, 1.15 as
    // 1.149999999999999911…), yet each rounds as the decimal it stands for.
    [InlineData(12.25, "12.3")]
    [InlineData(12.35, "12.4")]
    [InlineData(0.05, "0.1")]
    [InlineData(1.15, "1.2")]
    [InlineData(2.675, "2.7")]
    [InlineData(0.25, "0.3")]
    [InlineData(-0.25, "-0.3")]
    [InlineData(12.34, "12.3")]
    [InlineData(99.96, "100.0")]
    [InlineData(16.0, "16.0")]
    [InlineData(0.0, "0.0")]
    public void Rounds_half_away_from_zero_to_one_place(double stored, string expected) =>
        ExportNumber.Round1(stored)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);

    [Fact]
    public void Decimal_conversion_recovers_the_decimal_a_double_stands_for()
    {
        // The double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875 ("G17" shows the digits);
        // the conversion to decimal keeps 15 significant digits and so gives back 2.675, which is what we round.
        2.675.ToString("G17", System.Globalization.CultureInfo.InvariantCulture).Should().Be("2.6749999999999998");
        ((decimal)2.675).Should().Be(2.675m);
        ((decimal)12.35).Should().Be(12.35m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Missing_and_non_numbers_are_missing(double? stored) => ExportNumber.Round1(stored).Should().BeNull();
}
