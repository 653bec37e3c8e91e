using System.Text.RegularExpressions;

namespace MiddleServerValidation.Domain.PersonalNumbers;

/// <summary>Personal numbers typed into free text (a reviewer's reason or remark), masked as the screens mask them.</summary>
public static partial class PersonalNumbersInText
{
    /// <summary>The text in NFKC with every number that could be a personal number masked: <c>********9012</c>.</summary>
    public static string Mask(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC);
        return TwelveDigits().Replace(normalized, match => "********" + string.Concat(match.Value.Where(char.IsAsciiDigit).Skip(8)));
    }

    // Twelve digits not inside a longer run of digits, with or without spaces or hyphens between groups of four.
    [GeneratedRegex(@"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex TwelveDigits();
}
