using System.Text;

namespace MiddleServerValidation.Domain;

/// <summary>
/// The normalisation kanji names and addresses share (docs/matching.md): variation selectors stripped, standalone
/// ゛゜ made combining, NFKC, control characters dropped; then each character as a token, a lost one as a wildcard.
/// </summary>
internal static class MatchingText
{
    /// <summary>The token of a lost character: it matches exactly one code point on the other side.</summary>
    public const int Wildcard = -1;

    public const int Space = ' ';

    public static string Basic(string input)
    {
        var builder = new StringBuilder(input.Length);
        Span<char> utf16 = stackalloc char[2];
        // Runes, not chars: an IVS selector (U+E0100–E01EF) is a surrogate pair in UTF-16.
        // An unpaired surrogate comes out as U+FFFD, which then reads as a lost character.
        foreach (var rune in input.EnumerateRunes())
        {
            if (IsVariationSelector(rune.Value))
            {
                continue;
            }

            // NFKC would turn a standalone ゛ into a space and a combining mark (カ゛ → "カ ゙").
            var value = rune.Value switch
            {
                0x309B => 0x3099,
                0x309C => 0x309A,
                _ => rune.Value,
            };
            builder.Append(utf16[..new Rune(value).EncodeToUtf16(utf16)]);
        }

        // The text is valid UTF-16 by now, so NFKC cannot fail.
        UnicodeText.TryNormalizeKc(builder.ToString(), out var normalized);
        return normalized.Any(IsDroppedControl) ? new string(normalized.Where(c => !IsDroppedControl(c)).ToArray()) : normalized;
    }

    /// <summary>Whitespace runs to one space, trimmed.</summary>
    public static string CollapseWhitespace(string text)
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
                builder.Append((char)Space);
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>One token per code point, folded through the 異体字 table; a lost character becomes <see cref="Wildcard"/>.</summary>
    public static int[] Tokens(string text)
    {
        var tokens = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            tokens.Add(LostCharacters.IsLost(rune) ? Wildcard : KanjiNames.KanjiVariants.Fold(rune.Value));
        }

        return tokens.ToArray();
    }

    /// <summary>Could the two token lists spell the same text? A wildcard matches any one token.</summary>
    public static bool Compatible(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && a[i] != Wildcard && b[i] != Wildcard)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVariationSelector(int codePoint) => codePoint is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    // Tab and newline stay: they are whitespace, collapsed to a space afterwards.
    private static bool IsDroppedControl(char c) => char.IsControl(c) && c is not ('\t' or '\n');
}
