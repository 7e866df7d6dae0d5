namespace Qp.Validate.Tests.Dfe;

/// <summary>A hand-made postcode directory for the location rules: the base return's postcodes in Hartlepool (E06000001), one in Edinburgh, one in Shetland, one off the map.</summary>
public sealed class FakePostcodes(Dictionary<string, PostcodeInfo> known) : IPostcodeDirectory
{
    /// <summary>The directory the cases use.</summary>
    public static readonly FakePostcodes Sample = new(new(StringComparer.OrdinalIgnoreCase)
    {
        ["TS24 8AA"] = new(450000, 530000, "E06000001"),
        ["TS25 1AA"] = new(451000, 528000, "E06000001"),
        ["TS26 9AA"] = new(449000, 531000, "E06000001"),
        ["TS27 2AA"] = new(446000, 534000, "E06000001"),
        ["EH1 1AA"] = new(325000, 673000, "SCO"),
        ["ZE1 0AA"] = new(447000, 1141000, "SCO"),
        ["ZZ9 9ZZ"] = new(9000000, 530000, "E06000001"),
    });

    /// <inheritdoc />
    public bool IsEmpty => known.Count == 0;

    /// <inheritdoc />
    public PostcodeInfo? Find(string postcode) => known.GetValueOrDefault(postcode)
        ?? known.FirstOrDefault(k => k.Key.Replace(" ", "").Equals(postcode.Replace(" ", ""), StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>Cases of the DfE's placement-location rules, on the base return validated with <see cref="FakePostcodes.Sample"/> for authority E06000001.</summary>
public sealed class DfeLocationCases : IRuleCaseSet
{
    internal static ReturnFixture B(int year = 2023)
    {
        var f = DfeFixtures.Base(year);
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        return f;
    }

    private static ReturnFixture Ep(int line, string col, string v) => B().E(line, col, v);
    private static Location El(int line, int col) => new("Episodes.csv", line, col);

    /// <inheritdoc />
    public static IEnumerable<RuleCase> Cases =>
    [
        new("164", () => Ep(2, "PL_POST", "ZZ9 9ZZ"), El(2, 12), () => B()),
        new("169", () => Ep(2, "PL_POST", "XX1 1XX"), El(2, 12), () => Ep(2, "PL_POST", "XX1 1XX").E(2, "LS", "V3")),
        new("179", () => Ep(2, "PL_POST", "XX1 1XX"), El(2, 12), () => Ep(2, "PL_POST", "XX1 1XX").E(2, "LS", "V4")),
        new("392a", () => Ep(2, "HOME_POST", "XX1 1XX"), El(2, 12), () => B()),
        new("392c", () => Ep(2, "HOME_POST", "XX1 1XX"), El(2, 11), () => B()),
        new("420", () => Ep(4, "LS", "V3"), El(4, 12), () => Ep(4, "LS", "V3").E(4, "PL_POST", "")),
        new("454", () => B(2026).E(2, "PL_POST", "ZE1 0AA"), El(2, 12), () => B(2026)),
        new("1015", () => Ep(4, "PL_POST", "EH1 1AA"), El(4, 12), () => Ep(4, "PL_POST", "EH1 1AA").E(4, "PLACE_PROVIDER", "PR4")),
    ];
}

public class DfeLocationTests
{
    // Counts look-ups: a directory read lazily from the store is loaded by the first one.
    private sealed class CountingPostcodes(IPostcodeDirectory inner) : IPostcodeDirectory
    {
        public int Finds { get; private set; }

        public bool IsEmpty => inner.IsEmpty;

        public PostcodeInfo? Find(string postcode)
        {
            Finds++;
            return inner.Find(postcode);
        }
    }

    [Fact]
    public void A_return_before_the_DfEs_rules_never_looks_a_postcode_up()
    {
        // The 2000-01 base return has HOME_POST and PL_POST on every episode; no rule of its year reads the derived PL_LA or distance.
        var counting = new CountingPostcodes(FakePostcodes.Sample);
        var qpEra = ReturnFixture.Valid();
        qpEra.Postcodes = (counting, "E06000001");
        qpEra.Validate().Should().BeEmpty();
        counting.Finds.Should().Be(0);
        var dfe = DfeLocationCases.B();
        dfe.Postcodes = (counting, "E06000001");
        dfe.Validate();
        counting.Finds.Should().BeGreaterThan(0, "the DfE's rules do look them up");
    }

    [Fact]
    public void Rule_392a_exempts_a_child_who_is_or_was_UASC()
    {
        // Child 1001 (Episodes lines 2–3) with no HOME_POST has no distance: flagged, unless the UASC table lists him.
        DfeLocationCases.B().E(2, "HOME_POST", "").Validate().Where(m => m.Code == "392a").Select(m => (m.Line, m.Column))
            .Should().Equal((2, 12));
        DfeLocationCases.B().E(2, "HOME_POST", "").AddTable("UASC", ["CHILD", "SEX", "DOB", "DUC"], ["1001", "1", "01/01/2006", ""])
            .Validate().Should().NotContain(m => m.Code == "392a");
        DfeLocationCases.B().E(2, "HOME_POST", "")
            .WithPreviousRows(2022, new PreviousRow("UASC", "1001", new Dictionary<string, string?> { ["CHILD"] = "1001", ["DUC"] = null }))
            .Validate().Should().NotContain(m => m.Code == "392a");
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2026)]
    public void The_base_return_passes_the_location_rules_with_a_directory(int year)
    {
        var f = DfeFixtures.Base(year);
        f.Postcodes = (FakePostcodes.Sample, "E06000001");
        f.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Without_a_directory_the_location_rules_are_silent()
    {
        DfeFixtures.Base(2023).E(2, "PL_POST", "XX1 1XX").E(2, "HOME_POST", "ZZ9 9ZZ").Validate().Should().BeEmpty();
    }

    [Fact]
    public void Distance_is_miles_on_the_grid_to_one_decimal()
    {
        // 3 km east and 4 km north: 5 km = 3.1 miles.
        var dir = new FakePostcodes(new() { ["A1 1AA"] = new(100000, 100000, "E1"), ["B1 1BB"] = new(103000, 104000, "E1") });
        dir.Distance("A1 1AA", "B1 1BB").Should().Be(3.1);
        dir.Distance("A1 1AA", "C1 1CC").Should().BeNull();
        dir.Distance(null, "B1 1BB").Should().BeNull();
    }
}

