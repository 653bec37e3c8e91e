using System.Globalization;
using System.Text.Json;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// Reads back the J-LIS answer a registration was decided with (as written by <c>ResidentAnswers.ToJson</c>), so a
/// re-check that needs one (a surname change) uses the registry's word at the time rather than asking again.
/// </summary>
internal static class StoredAnswers
{
    /// <summary>The stored Found or NotFound answer; null when there is none or J-LIS was unavailable.</summary>
    public static ResidentAnswer? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return Text(root, "status") switch
        {
            "Found" when DateOnly.TryParseExact(Text(root, "birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate) =>
                new ResidentAnswer.Found(Text(root, "kanaName") ?? string.Empty, birthDate, Text(root, "sex") switch
                {
                    "1" => Sex.Male,
                    "2" => Sex.Female,
                    _ => null,
                }),
            "NotFound" => new ResidentAnswer.NotFound(),
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
