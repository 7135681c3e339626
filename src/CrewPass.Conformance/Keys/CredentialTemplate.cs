using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bogus;

namespace CrewPass.Conformance.Keys;

/// <summary>Fills a credential template: {Setting}, {Setting:transform}, {random:N}, {repeat:C:N}, {char:HEX}.</summary>
public static partial class CredentialTemplate
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [GeneratedRegex(@"\{([A-Za-z]+)(?::([^}]*))?\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> SettingsNamed(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(n => n is not ("random" or "repeat" or "char")).Distinct().ToArray();

    public static string Fill(string template, Func<string, string> setting, Randomizer random) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var argument = m.Groups[2].Success ? m.Groups[2].Value : null;
            return name switch
            {
                "random" => random.String2(int.Parse(argument!, CultureInfo.InvariantCulture), Alphanumerics),
                "repeat" => new string(argument![0], int.Parse(argument[2..], CultureInfo.InvariantCulture)),
                "char" => ((char)int.Parse(argument!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => Transform(setting(name), argument),
            };
        });

    private static string Transform(string key, string? transform) => transform switch
    {
        null => key,
        "truncated" => key[..^1],
        "appended" => key + "x",
        "swapcase" => string.Concat(key.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))),
        "body" => key[(key.LastIndexOf('_') + 1)..],
        "basic" => Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")),
        _ => throw new FormatException($"unknown template transform '{transform}'"),
    };
}
