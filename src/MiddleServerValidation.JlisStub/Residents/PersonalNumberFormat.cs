namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>The 個人番号 shape: 12 ASCII digits, the last one a check digit (総務省令第85号 第5条).</summary>
internal static class PersonalNumberFormat
{
    public static bool IsTwelveDigits(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);

    public static bool HasValidCheckDigit(string value)
    {
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var digit = value[11 - n] - '0';
            sum += digit * (n <= 6 ? n + 1 : n - 5);
        }

        var remainder = sum % 11;
        return value[11] - '0' == (remainder <= 1 ? 0 : 11 - remainder);
    }
}
