using System.Buffers;
using System.Text;

namespace MiddleServerValidation.Domain.KanaNames;

/// <summary>
/// The two kana folds of DOMAIN.md §4 (reference: shared/domain/kana.py). <see cref="Standard"/> makes
/// spellings of the same name identical; <see cref="LegacyFold"/> also undoes what legacy character sets
/// force (small kana stored large, ヰ/ヱ absent), so it finds candidate matches, not proof of identity.
/// </summary>
internal static class KanaText
{
    public const char Space = ' ';
    public const char LongVowel = 'ー';
    public const char MiddleDot = '・';

    private const string Dashes = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\uff70\u30fc\u2500\u2501";
    private const string Small = "ァィゥェォッャュョヮヵヶ";
    private const string Large = "アイウエオツヤユヨワカケ";
    private static readonly SearchValues<char> Foldable = SearchValues.Create(Small + "ヰヱ");

    /// <summary>The standard form, or null when the text is not valid Unicode (lone surrogates).</summary>
    public static string? Standard(string input)
    {
        // Stored and registry names are usually in standard form already: the steps below would change nothing.
        if (IsStandard(input))
        {
            return input;
        }

        // 1. Standalone ゛゜ to combining marks first: NFKC would turn カ゛ into "カ ゙" (space + mark).
        var text = input.Replace('\u309B', '\u3099').Replace('\u309C', '\u309A');

        // 2. NFKC: half-width kana to full-width (ｶﾞ composed to ガ), U+3000 to a space.
        if (!UnicodeText.TryNormalizeKc(text, out text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var previous = '\0';
        foreach (var original in text)
        {
            // 3. Hiragana to katakana (same offset for the whole block ぁ–ゖ).
            var c = original is >= '\u3041' and <= '\u3096' ? (char)(original + 0x60) : original;

            // 4. A dash after kana is a long-vowel mark typed on another key. Like kana.py's look-behind,
            //    "after kana" looks at the character before replacement.
            var isAfterKana = previous is >= '\u30A1' and <= '\u30FA' or LongVowel;
            previous = c;
            builder.Append(isAfterKana && Dashes.Contains(c) ? LongVowel : c);
        }

        // 5. Whitespace runs to one space, trimmed.
        return CollapseWhitespace(builder.ToString());
    }

    public static string LegacyFold(string standard)
    {
        if (standard.AsSpan().IndexOfAny(Foldable) < 0)
        {
            return standard;
        }

        var chars = standard.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var small = Small.IndexOf(chars[i]);
            if (small >= 0)
            {
                chars[i] = Large[small];
            }
            else if (chars[i] == 'ヰ')
            {
                chars[i] = 'イ';
            }
            else if (chars[i] == 'ヱ')
            {
                chars[i] = 'エ';
            }
        }

        return new string(chars);
    }

    /// <summary>Full-width katakana (small kana, ヴ, ヰ, ヱ and ヷ–ヺ included), ー and ・.</summary>
    public static bool IsKana(char c) => c is >= '\u30A1' and <= '\u30FA' or MiddleDot or LongVowel;

    /// <summary>Katakana, ・ and ー, with single spaces between words and none at either end: what <see cref="Standard"/> returns.</summary>
    private static bool IsStandard(string input)
    {
        if (input.Length == 0 || input[0] == Space || input[^1] == Space)
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in input)
        {
            if (c == Space ? previousSpace : !IsKana(c))
            {
                return false;
            }

            previousSpace = c == Space;
        }

        return true;
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(Space);
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
