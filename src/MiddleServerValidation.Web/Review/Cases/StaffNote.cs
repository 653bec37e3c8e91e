using System.Text.RegularExpressions;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// Text staff write (reasons, remarks). A number typed into it that looks like a personal number is masked before
/// it is stored, so that neither the case history nor the audit log ever holds one in plain text.
/// </summary>
public static partial class StaffNote
{
    public const int MaxLength = 2000;

    public static string Clean(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Normalize(System.Text.NormalizationForm.FormKC);
        return TwelveDigits().Replace(trimmed, match => "********" + string.Concat(match.Value.Where(char.IsAsciiDigit).Skip(8)));
    }

    // Twelve digits not inside a longer run of digits, with or without spaces or hyphens between groups of four.
    [GeneratedRegex(@"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex TwelveDigits();
}
