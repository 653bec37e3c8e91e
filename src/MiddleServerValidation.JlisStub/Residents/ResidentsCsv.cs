using System.Globalization;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// Reads <c>personal_number,kana_name,birth_date,sex</c> (header row, ISO dates, UTF-8 with or without BOM).
/// A bad line stops the stub: a half-loaded registry would answer NotFound for people it should know.
/// Errors name the line, never the personal number.
/// </summary>
internal static class ResidentsCsv
{
    private static readonly string[] Header = ["personal_number", "kana_name", "birth_date", "sex"];

    public static Dictionary<string, ResidentLookupResponse> Read(TextReader reader, string source)
    {
        var residents = new Dictionary<string, ResidentLookupResponse>(StringComparer.Ordinal);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        var headerSeen = false;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.TrimStart('\uFEFF').Split(',').Select(field => field.Trim()).ToArray();
            if (!headerSeen)
            {
                if (!fields.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
                {
                    throw Malformed(source, lineNumber, $"the header must be '{string.Join(',', Header)}'");
                }

                headerSeen = true;
                continue;
            }

            var (personalNumber, resident) = ParseRow(fields, source, lineNumber);
            if (!firstLineOf.TryAdd(personalNumber, lineNumber))
            {
                throw Malformed(source, lineNumber, $"the personal number is already on line {firstLineOf[personalNumber]}");
            }

            residents.Add(personalNumber, resident);
        }

        return headerSeen ? residents : throw Malformed(source, 1, "the file is empty; a header row is required");
    }

    private static (string PersonalNumber, ResidentLookupResponse Resident) ParseRow(string[] fields, string source, int line)
    {
        if (fields.Length != Header.Length)
        {
            throw Malformed(source, line, $"expected {Header.Length} comma-separated fields, found {fields.Length}");
        }

        var personalNumber = fields[0];
        if (!PersonalNumberFormat.IsTwelveDigits(personalNumber))
        {
            throw Malformed(source, line, "personal_number must be 12 digits");
        }

        if (!PersonalNumberFormat.HasValidCheckDigit(personalNumber))
        {
            throw Malformed(source, line, "personal_number has a wrong check digit");
        }

        if (fields[1].Length == 0)
        {
            throw Malformed(source, line, "kana_name is empty");
        }

        if (!DateOnly.TryParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            throw Malformed(source, line, $"birth_date '{fields[2]}' is not an ISO date (yyyy-MM-dd)");
        }

        var sex = fields[3] switch
        {
            "" => null,
            "1" or "2" => fields[3],
            _ => throw Malformed(source, line, $"sex '{fields[3]}' must be 1, 2 or empty"),
        };

        return (personalNumber, new ResidentLookupResponse(fields[1], birthDate, sex));
    }

    private static InvalidDataException Malformed(string source, int line, string problem) =>
        new($"Residents file '{source}' line {line}: {problem}.");
}
