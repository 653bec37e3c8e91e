namespace MiddleServerValidation.Domain.Tests.TestSupport;

internal static class JapaneseText
{
    /// <summary>True when the text holds hiragana, katakana or kanji: a message written in Japanese.</summary>
    public static bool IsJapanese(string text) =>
        text.Any(c => c is >= '\u3041' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
}
