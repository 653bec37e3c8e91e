using System.Text;

namespace MiddleServerValidation.Domain;

/// <summary>
/// Characters that stand for one character a system could not store or read (docs/matching.md, "Lost characters"):
/// ● (the middle server's 無害化), 〓 (下駄記号), U+FFFD (a failed decode), ? and ？ (an encoder's substitute),
/// ■ □ ○ * ＊, and private-use code points (外字 whose glyph only the defining system knows).
/// Such a character is never compared literally: the fact becomes unknown, never a mismatch.
/// </summary>
public static class LostCharacters
{
    private const string Substitutes = "\u25CF\u3013\uFFFD?\uFF1F\u25A0\u25A1\u25CB*\uFF0A";

    public static bool IsLost(Rune rune) =>
        (rune.IsBmp && Substitutes.Contains((char)rune.Value, StringComparison.Ordinal)) || IsPrivateUse(rune.Value);

    /// <summary>True when <paramref name="text"/> holds a lost character or an unpaired surrogate (unreadable too).</summary>
    public static bool AnyIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // EnumerateRunes yields U+FFFD for an unpaired surrogate, which is itself a lost character.
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsLost(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrivateUse(int codePoint) =>
        codePoint is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);
}
