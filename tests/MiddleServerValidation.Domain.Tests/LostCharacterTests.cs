using System.Text;
using MiddleServerValidation.Domain.Addresses;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.KanjiNames;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests;

/// <summary>
/// A lost character (●, 〓, U+FFFD, ?, 外字 in private use) is never the cause of a mismatch: put in place of any
/// character of a value that matched, or was unknown, it makes the comparison unknown, never different.
/// </summary>
public sealed class LostCharacterTests
{
    private static readonly string[] Placeholders = ["●", "〓", "\uFFFD", "?", "？", "\uE000", "\U000F0000"];

    public static TheoryData<string, int, string, string> MatchingPairs()
    {
        var pairs = new TheoryData<string, int, string, string>();
        foreach (var (kind, file) in new[] { ("kanji", MatchingVectors.KanjiNames), ("address", MatchingVectors.Addresses) })
        {
            foreach (var row in MatchingVectors.Read(file))
            {
                var (line, a, b, expected) = ((int)row[0], (string)row[1], (string)row[2], (MatchResult)row[3]);
                if (expected != MatchResult.Different && a.Length > 0 && b.Length > 0)
                {
                    pairs.Add(kind, line, a, b);
                }
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(MatchingPairs))]
    public void A_placeholder_for_any_character_never_yields_different(string kind, int line, string a, string b)
    {
        Func<string, string, MatchResult> compare = kind == "kanji" ? KanjiNameMatching.Compare : AddressMatching.Compare;
        foreach (var (original, other) in new[] { (a, b), (b, a) })
        {
            foreach (var damaged in WithOneCharacterLost(original))
            {
                var result = compare(damaged, other);
                Assert.True(result == MatchResult.Unknown, $"{kind} line {line}: {Escaped(damaged)} vs {Escaped(other)} gave {result}");
            }
        }
    }

    [Theory]
    [InlineData("シカク ハナ●", "シカク ハナコ")]
    [InlineData("シカク ハナ〓", "シカク ハナコ")]
    [InlineData("シカク ハナ?", "シカク ハナコ")]
    [InlineData("シカク ハナ\uE000", "シカク ハナコ")]
    public void A_kana_name_with_a_lost_character_is_unknown(string a, string b) =>
        Assert.Equal(MatchResult.Unknown, KanaNameMatching.Compare(a, b));

    [Theory]
    [InlineData("●●", "高橋")]
    [InlineData("●● ●●", "高橋 太郎")]
    [InlineData("〓〓〓〓〓〓〓〓", "東京都千代田区霞が関2-1-6")]
    public void A_value_made_only_of_placeholders_is_unknown(string lost, string known)
    {
        var compare = known.Contains('区', StringComparison.Ordinal) ? AddressMatching.Compare : (Func<string, string, MatchResult>)KanjiNameMatching.Compare;

        Assert.Equal(MatchResult.Unknown, compare(lost, known));
    }

    [Fact]
    public void Every_listed_placeholder_is_recognised_and_ordinary_text_is_not()
    {
        Assert.All(Placeholders, placeholder => Assert.True(LostCharacters.AnyIn(placeholder), Escaped(placeholder)));
        Assert.All(new[] { "■", "□", "○", "*", "＊", "\U0010FFFD" }, placeholder => Assert.True(LostCharacters.AnyIn(placeholder)));
        Assert.False(LostCharacters.AnyIn("髙橋 太郎 東京都千代田区霞が関2-1-6 𠮷"));
        Assert.False(LostCharacters.AnyIn(null));
    }

    /// <summary>The value with one character at a time replaced by each placeholder; spaces and selectors are not characters of the name.</summary>
    private static IEnumerable<string> WithOneCharacterLost(string value)
    {
        var runes = value.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            if (Rune.IsWhiteSpace(runes[i]) || Rune.GetUnicodeCategory(runes[i]) is System.Globalization.UnicodeCategory.NonSpacingMark
                || runes[i].Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF))
            {
                continue;
            }

            foreach (var placeholder in Placeholders)
            {
                yield return string.Concat(runes.Take(i).Select(r => r.ToString())) + placeholder + string.Concat(runes.Skip(i + 1).Select(r => r.ToString()));
            }
        }
    }

    private static string Escaped(string text) =>
        string.Concat(text.EnumerateRunes().Select(r => r.Value < 0x80 || (r.Value is >= 0x3000 and <= 0x9FFF) ? r.ToString() : $"\\u{r.Value:X4}"));
}
