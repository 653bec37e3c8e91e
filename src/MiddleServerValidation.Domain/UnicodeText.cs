using System.Text;

namespace MiddleServerValidation.Domain;

/// <summary>NFKC without exceptions: user input may hold lone surrogates, which <see cref="string.Normalize()"/> rejects.</summary>
internal static class UnicodeText
{
    public static bool TryNormalizeKc(string input, out string normalized)
    {
        // ASCII is already NFKC; most inputs (digits, ids) take this path and skip ICU.
        if (Ascii.IsValid(input))
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
}
