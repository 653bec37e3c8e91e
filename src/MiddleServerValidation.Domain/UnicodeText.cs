using System.Text;

namespace MiddleServerValidation.Domain;

/// <summary>NFKC without exceptions: user input may hold lone surrogates, which <see cref="string.Normalize()"/> rejects.</summary>
internal static class UnicodeText
{
    public static bool TryNormalizeKc(string input, out string normalized)
    {
        // ASCII, and kana names already in standard form (as stored), are NFKC as they are: most inputs skip ICU,
        // which costs more than everything else a registration's checks do.
        if (Ascii.IsValid(input) || IsStableKanaText(input))
        {
            normalized = input;
            return true;
        }

        try
        {
            normalized = input.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            normalized = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// True when every character is printable ASCII, hiragana ぁ–ゖ, katakana ァ–ヺ, ・ or ー: characters NFKC
    /// leaves alone and that never compose with a neighbour (the combining ゛゜ U+3099/U+309A are not among them).
    /// </summary>
    private static bool IsStableKanaText(string input)
    {
        foreach (var c in input)
        {
            if (c is not ((>= ' ' and <= '~') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FC')))
            {
                return false;
            }
        }

        return true;
    }
}
