using System.Globalization;
using System.Text.RegularExpressions;

namespace MiddleServerValidation.Domain.Tests.TestSupport;

/// <summary>
/// The vector files of docs/matching.md (Vectors/*.tsv): <c>a, b, expected, note</c>, invisible or look-alike
/// characters spelt <c>\uXXXX</c> or <c>\UXXXXXXXX</c>.
/// </summary>
internal static partial class MatchingVectors
{
    public const string KanjiNames = "kanji-name-vectors.tsv";
    public const string Addresses = "address-vectors.tsv";

    public static TheoryData<int, string, string, MatchResult, string> Read(string fileName)
    {
        var rows = new TheoryData<int, string, string, MatchResult, string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Vectors", fileName));
        Assert.Equal("a\tb\texpected\tnote", lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            Assert.Equal(4, fields.Length);
            rows.Add(i + 1, Unescape(fields[0]), Unescape(fields[1]), Enum.Parse<MatchResult>(fields[2], ignoreCase: true), fields[3]);
        }

        return rows;
    }

    public static string Unescape(string text) => Escape().Replace(text, match =>
        char.ConvertFromUtf32(int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")]
    private static partial Regex Escape();
}
