using Qp.Domain.Authorities;

namespace Qp.Sample;

/// <summary>How big the generated country is.</summary>
public enum SampleScale
{
    /// <summary>About a tenth of national volumes (~6,000 children looked after at 31 March in all).</summary>
    Small,
    /// <summary>National volumes: about 60,000 children looked after at 31 March.</summary>
    England,
}

/// <summary>The national levels the simulation aims at, by collection year (QP-era history, smoothed).</summary>
public static class NationalLevels
{
    /// <summary>A1: share of children looked after at 31 March with 3+ placements in the year (≈21% mid-1990s, 16% by 2002).</summary>
    public static double A1(int year) => year switch
    {
        <= 1995 => 0.215,
        1996 => 0.21,
        1997 => 0.205,
        <= 2002 => 0.20 - 0.01 * (year - 1998),
        <= 2005 => 0.16 - 0.007 * (year - 2002),
        _ => 0.135,
    };

    /// <summary>A2: share of care leavers aged 16+ with a GCSE or GNVQ (≈30% in 2000 rising to ≈45% by 2004).</summary>
    public static double A2(int year) => year <= 2000
        ? Math.Max(0.18, 0.30 - 0.03 * (2000 - year))
        : Math.Min(0.60, 0.30 + 0.0375 * (year - 2000));

    /// <summary>A3: share of child protection registrations that are re-registrations (≈20% in 1998 falling to ≈14% by 2002).</summary>
    public static double A3(int year) => year switch
    {
        <= 1997 => 0.205,
        <= 2002 => 0.20 - 0.015 * (year - 1998),
        _ => Math.Max(0.12, 0.14 - 0.005 * (year - 2002)),
    };

    /// <summary>HA: share of the OC2 cohort with an up-to-date health assessment (≈72% in 1998, rising).</summary>
    public static double HealthAssessment(int year) => Math.Clamp(0.72 + 0.02 * (year - 1998), 0.60, 0.88);
}

/// <summary>One authority's own character: its size and how far it sits from the national levels, drifting over the years.</summary>
internal sealed class AuthorityParameters
{
    public required int LaCode { get; init; }
    /// <summary>Expected children looked after at 31 March at the chosen scale.</summary>
    public required double Size { get; init; }
    private double A1Z { get; init; }
    private double A1Drift { get; init; }
    private double A2Offset { get; init; }
    private double A2Drift { get; init; }
    private double A3Offset { get; init; }
    private double HaOffset { get; init; }
    /// <summary>Multiplies the weight of foster placements (B7 spread).</summary>
    public double FosterBias { get; init; }
    /// <summary>Chance that a young entrant follows an adoption plan (C23 spread).</summary>
    public double AdoptionPropensity { get; init; }
    /// <summary>Child protection registrations a year per child looked after.</summary>
    public double RegistrationRate { get; init; }
    /// <summary>Outward postcode areas the authority's homes lie in.</summary>
    public required string[] PostcodeAreas { get; init; }

    private static readonly string[] Areas =
    [
        "TS", "NE", "SR", "DH", "DL", "YO", "HU", "BD", "HD", "HX", "WF", "DN", "LS", "S", "LN", "NG", "DE", "LE",
        "CV", "WV", "WS", "DY", "B", "ST", "SK", "CW", "CH", "WA", "WN", "BL", "OL", "M", "L", "PR", "BB", "LA",
        "FY", "CA", "BS", "BA", "GL", "EX", "PL", "TQ", "TR", "DT", "BH", "SP", "SO", "PO", "BN", "RH", "TN",
        "ME", "CT", "DA", "BR", "CR", "KT", "SM", "TW", "UB", "HA", "EN", "IG", "RM", "SS", "CM", "CO", "IP",
        "NR", "PE", "CB", "SG", "AL", "HP", "LU", "MK", "NN", "OX", "RG", "SL", "GU", "WD", "HR", "WR", "TF",
        "SY", "N", "E", "SE", "SW", "W", "NW", "EC", "WC",
    ];

    /// <summary>All postcode areas, for placements outside the authority.</summary>
    public static IReadOnlyList<string> AllAreas => Areas;

    /// <summary>Draws the authority's parameters from its own stream, so they do not depend on which other authorities are generated.</summary>
    public static AuthorityParameters For(Authority la, ulong seed, SampleScale scale)
    {
        var rng = new Prng(seed, (ulong)la.Code, 0xA0);
        // Children looked after at 31 March at national scale: type sets the typical size, a log-normal spreads it.
        double typical = la.Code switch
        {
            201 => 12, // City of London
            420 => 4,  // Isles of Scilly
            _ => la.Type switch
            {
                "Shire county" => 880,
                "Metropolitan district" => 470,
                "London borough" => 330,
                _ => 220,
            },
        };
        double spread = la.Code is 201 or 420 ? 1.0 : Math.Exp(0.35 * rng.Normal() - 0.35 * 0.35 / 2);
        double size = typical * spread * (scale == SampleScale.England ? 1.0 : 0.1);
        var areas = new[] { Areas[rng.Next(Areas.Length)], Areas[rng.Next(Areas.Length)] };
        return new AuthorityParameters
        {
            LaCode = la.Code,
            Size = Math.Max(size, 0.4),
            A1Z = Math.Clamp(rng.Normal(), -2.6, 2.6),
            A1Drift = 0.03 * rng.Normal(),
            A2Offset = 0.45 * rng.Normal(),
            A2Drift = 0.04 * rng.Normal(),
            A3Offset = 0.35 * rng.Normal(),
            HaOffset = 0.45 * rng.Normal(),
            FosterBias = 0.80 * Math.Exp(0.15 * rng.Normal()),
            AdoptionPropensity = Math.Clamp(0.17 * Math.Exp(0.3 * rng.Normal()), 0.05, 0.4),
            RegistrationRate = 0.45 * Math.Exp(0.25 * rng.Normal()),
            PostcodeAreas = areas,
        };
    }

    /// <summary>The A1 level this authority tends to in <paramref name="year"/>: national level spread linearly (≈5%–36% at the extremes).</summary>
    public double A1Target(int year)
    {
        double multiplier = Math.Clamp(1 + 0.35 * A1Z + A1Drift * (year - 2000), 0.22, 1.9);
        return NationalLevels.A1(year) * multiplier;
    }

    /// <summary>The chance that a care leaver in <paramref name="year"/> has a GCSE or GNVQ.</summary>
    public double A2Chance(int year) => Logistic(Logit(NationalLevels.A2(year)) + A2Offset + A2Drift * (year - 2000));

    /// <summary>The chance that a registration in <paramref name="year"/> is a re-registration.</summary>
    public double A3Chance(int year) => Logistic(Logit(NationalLevels.A3(year)) - 0.06 + A3Offset);

    /// <summary>The chance that an OC2 child's health assessment is up to date in <paramref name="year"/>.</summary>
    public double HaChance(int year) => Logistic(Logit(NationalLevels.HealthAssessment(year)) + HaOffset);

    private static double Logit(double p) => Math.Log(p / (1 - p));
    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
