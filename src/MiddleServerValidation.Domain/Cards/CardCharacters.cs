namespace MiddleServerValidation.Domain.Cards;

/// <summary>The character rules for 記号 and 番号 (JP Core「被保険者個人識別子」の文字列仕様).</summary>
internal static class CardCharacters
{
    public const char LostCharacter = '●';

    /// <summary>The end of a sentence that starts with the field's label, or null when the value is allowed.</summary>
    public static string? FindProblem(string value)
    {
        var halfWidth = 0;
        var fullWidth = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                halfWidth++;
            }
            else if (IsFullWidthAllowed(c))
            {
                fullWidth++;
            }
            else if (c == '\u3000')
            {
                return "に全角スペースが含まれています。スペースを除いて指定してください。";
            }
            else if (c is >= '\uFF61' and <= '\uFF9F')
            {
                return "に半角カナが含まれています。カナを含む場合はすべて全角で指定してください。";
            }
            else
            {
                return "に使用できない文字が含まれています。半角英数字、またはすべて全角の英数字・かな・漢字で指定してください。";
            }
        }

        return halfWidth > 0 && fullWidth > 0
            ? "に半角と全角の文字が混在しています。すべて半角英数字、またはすべて全角で指定してください。"
            : null;
    }

    // Full-width digits and letters, hiragana, katakana (with ー), CJK ideographs and 々.
    private static bool IsFullWidthAllowed(char c) =>
        c is >= '\uFF10' and <= '\uFF19'
            or >= '\uFF21' and <= '\uFF3A'
            or >= '\uFF41' and <= '\uFF5A'
            or >= '\u3041' and <= '\u3096'
            or >= '\u30A1' and <= '\u30FA'
            or '\u30FC'
            or '\u3005'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\u4E00' and <= '\u9FFF'
            or >= '\uF900' and <= '\uFAFF';
}
