using Qp.Domain.Text;

namespace Qp.Domain.Tests.Text;

public class SafeTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Hartlepool", "Hartlepool")]
    [InlineData("Stockton-on-Tees", "Stockton-on-Tees")]
    [InlineData("a=b", "a=b")]
    [InlineData("'=already", "'=already")]
    [InlineData("", "")]
    public void Neutralises_text_that_starts_like_a_formula(string text, string expected)
    {
        SafeText.Neutralise(text).Should().Be(expected);
        SafeText.IsFormulaLike(text).Should().Be(text != expected);
    }

    [Fact]
    public void Null_stays_null() => SafeText.Neutralise(null).Should().BeNull();
}

public class SafeFileNameTests
{
    [Theory]
    [InlineData("Hartlepool", "Hartlepool")]
    [InlineData("Bristol, City of", "Bristol-City-of")]
    [InlineData("Kingston upon Hull, City of", "Kingston-upon-Hull-City-of")]
    [InlineData("St. Helens", "St-Helens")]
    [InlineData("Stockton-on-Tees", "Stockton-on-Tees")]
    [InlineData("Ynys Môn", "Ynys-Môn")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "Windows-win.ini")]
    [InlineData("a..b", "a.b")]
    [InlineData(".hidden", "hidden")]
    [InlineData("..", "unnamed")]
    [InlineData("", "unnamed")]
    [InlineData(null, "unnamed")]
    [InlineData("tab\there\nnew\0line", "tab-here-new-line")]
    [InlineData("a:b*c?d\"e<f>g|h", "a-b-c-d-e-f-g-h")]
    [InlineData("bad\uD800surrogate", "bad-surrogate")]
    [InlineData("Ynys Mo\u0302n", "Ynys-Mo\u0302n")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    public void Makes_a_safe_name(string? text, string expected) => SafeFileName.From(text).Should().Be(expected);

    [Fact]
    public void Bounds_the_length_without_a_trailing_dash()
    {
        // 30 × "ab " is 90 characters; the 80-character cut "ab-ab-…-ab-ab" would end after "ab-"'s dash at 81, so it ends "ab".
        var name = SafeFileName.From(string.Concat(Enumerable.Repeat("ab ", 30)));
        name.Length.Should().BeLessThanOrEqualTo(SafeFileName.DefaultMaxLength);
        name.Should().EndWith("ab").And.StartWith("ab-ab");
        SafeFileName.From(new string('x', 500), maxLength: 20).Should().Be(new string('x', 20));
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        // 𝒜 (U+1D49C) is a letter outside the Basic Multilingual Plane: two chars, kept whole or not at all.
        SafeFileName.From(new string('a', 9) + "\U0001D49C\U0001D49C", maxLength: 10).Should().Be(new string('a', 9));
        SafeFileName.From(new string('a', 8) + "\U0001D49C\U0001D49C", maxLength: 10).Should().Be(new string('a', 8) + "\U0001D49C");
    }
}
