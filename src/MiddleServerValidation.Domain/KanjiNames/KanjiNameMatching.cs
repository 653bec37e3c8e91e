namespace MiddleServerValidation.Domain.KanjiNames;

/// <summary>
/// 漢字氏名 comparison (docs/matching.md, "Kanji names"): width, spaces and Latin case folded, variation selectors
/// stripped, 異体字 folded through <see cref="KanjiVariants"/>. 々, ノ/之 and hiragana/katakana are spellings, not
/// glyph variants, so they are not folded. A lost character (●, 〓, …) stands for exactly one character.
/// </summary>
public static class KanjiNameMatching
{
    /// <summary>
    /// <see cref="MatchResult.Unknown"/> when either name is missing, or holds a lost character and everything else
    /// agrees; <see cref="MatchResult.Different"/> when the known characters differ, or both sides split 氏 and 名
    /// at different places; otherwise <see cref="MatchResult.Same"/>.
    /// </summary>
    public static MatchResult Compare(string? first, string? second)
    {
        var a = Key(first);
        var b = Key(second);
        if (a is null || b is null)
        {
            return MatchResult.Unknown;
        }

        // Many insurer systems keep the name in one field: a space on one side only is no evidence either way.
        if (a.Contains(MatchingText.Space) != b.Contains(MatchingText.Space))
        {
            a = Array.FindAll(a, token => token != MatchingText.Space);
            b = Array.FindAll(b, token => token != MatchingText.Space);
        }

        if (!MatchingText.Compatible(a, b))
        {
            return MatchResult.Different;
        }

        return a.Contains(MatchingText.Wildcard) || b.Contains(MatchingText.Wildcard) ? MatchResult.Unknown : MatchResult.Same;
    }

    /// <summary>The name's tokens (one space between words), or null when it is missing or blank.</summary>
    private static int[]? Key(string? name)
    {
        if (name is null)
        {
            return null;
        }

        // Upper case: foreign names in Latin letters carry no meaning in their case.
        var text = MatchingText.CollapseWhitespace(MatchingText.Basic(name)).ToUpperInvariant();
        return text.Length == 0 ? null : MatchingText.Tokens(text);
    }
}
