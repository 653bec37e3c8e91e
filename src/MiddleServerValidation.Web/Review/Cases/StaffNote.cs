using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// Text staff write (reasons, remarks). A number typed into it that looks like a personal number is masked before
/// it is stored, so that neither the case history nor the audit log ever holds one in plain text.
/// </summary>
public static class StaffNote
{
    public const int MaxLength = 2000;

    public static string Clean(string? text) => PersonalNumbersInText.Mask((text ?? string.Empty).Trim());
}
