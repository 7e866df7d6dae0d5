using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Qp.Cli;

/// <summary>The options several commands share, parsed in the user's words: a bad value says what a good one looks like.</summary>
public static class CliOptions
{
    /// <summary>A collection year option that accepts `2001` and the displayed form `2000-01`.</summary>
    public static Option<int> Year(string name, string description, bool required = true) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = r => ParseYear(r, name) ?? 0,
    };

    /// <summary>An optional collection year option (null when not given) that accepts `2001` and `2000-01`.</summary>
    public static Option<int?> OptionalYear(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => ParseYear(r, name),
    };

    /// <summary>An optional three-digit authority code option.</summary>
    public static Option<int?> La(string description) => new("--la")
    {
        Description = description,
        CustomParser = r => ParseLa(r, r.Tokens.Count == 1 ? r.Tokens[0].Value : ""),
    };

    /// <summary>An option naming one or more authorities by three-digit code: `--la 805 806` or `--la 805 --la 806`.</summary>
    public static Option<int[]> Las(string description) => new("--la")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r => r.Tokens.Select(t => ParseLa(r, t.Value)).OfType<int>().ToArray(),
    };

    private static int? ParseLa(ArgumentResult r, string text)
    {
        text = text.Trim();
        if (text.Length is >= 1 and <= 3 && text.All(char.IsAsciiDigit)) return int.Parse(text, CultureInfo.InvariantCulture);
        r.AddError($"--la '{text}' is not an authority code: give the three-digit DfE code, e.g. --la 805 (Hartlepool); see templates/authorities.csv");
        return null;
    }

    /// <summary>The year a text stands for: `2001` or `2000-01` (the year ending 31 March 2001); null when it is neither.</summary>
    public static int? TryParseYear(string text)
    {
        text = text.Trim();
        if (text.Length == 4 && text.All(char.IsAsciiDigit)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (text.Length == 7 && text[4] == '-' && text[..4].All(char.IsAsciiDigit) && text[5..].All(char.IsAsciiDigit))
        {
            int start = int.Parse(text[..4], CultureInfo.InvariantCulture);
            if (int.Parse(text[5..], CultureInfo.InvariantCulture) == (start + 1) % 100) return start + 1;
        }
        return null;
    }

    private static int? ParseYear(ArgumentResult r, string name)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (TryParseYear(text) is { } y) return y;
        r.AddError($"{name} '{text}' is not a collection year: write 2001 or 2000-01 (the year April 2000 to March 2001)");
        return null;
    }
}
