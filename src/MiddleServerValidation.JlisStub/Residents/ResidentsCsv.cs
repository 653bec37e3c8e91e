using System.Globalization;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// Reads <c>personal_number,kana_name,birth_date,sex[,kanji_name][,address]</c> (header row, ISO dates, UTF-8 with or
/// without BOM, RFC 4180 quotes). The two optional columns may come in either order; files without them still load,
/// and a row may leave them empty or out: J-LIS then does not know that fact (unknown, never a mismatch).
/// A bad line stops the stub: a half-loaded registry would answer NotFound for people it should know.
/// Errors name the line and the column, never the personal number, a name or an address.
/// </summary>
internal static class ResidentsCsv
{
    private static readonly string[] RequiredColumns = ["personal_number", "kana_name", "birth_date", "sex"];
    private static readonly string[] OptionalColumns = ["kanji_name", "address"];

    public static Dictionary<string, ResidentLookupResponse> Read(TextReader reader, string source)
    {
        var residents = new Dictionary<string, ResidentLookupResponse>(StringComparer.Ordinal);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        string[]? columns = null;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = CsvFields.Split(line.TrimStart('\uFEFF')) ?? throw Malformed(source, lineNumber, "a quoted field is not closed");
            if (columns is null)
            {
                columns = ReadHeader(fields, source, lineNumber);
                continue;
            }

            var (personalNumber, resident) = ParseRow(fields, columns, source, lineNumber);
            if (!firstLineOf.TryAdd(personalNumber, lineNumber))
            {
                throw Malformed(source, lineNumber, $"the personal number is already on line {firstLineOf[personalNumber]}");
            }

            residents.Add(personalNumber, resident);
        }

        return columns is not null ? residents : throw Malformed(source, 1, "the file is empty; a header row is required");
    }

    private static string[] ReadHeader(string[] fields, string source, int line)
    {
        var columns = fields.Select(field => field.ToLowerInvariant()).ToArray();
        var optional = columns.Skip(RequiredColumns.Length).ToArray();
        if (!columns.Take(RequiredColumns.Length).SequenceEqual(RequiredColumns)
            || optional.Any(column => !OptionalColumns.Contains(column)) || optional.Distinct().Count() != optional.Length)
        {
            throw Malformed(source, line,
                $"the header must be '{string.Join(',', RequiredColumns)}', optionally followed by {string.Join(" and ", OptionalColumns)}");
        }

        return columns;
    }

    private static (string PersonalNumber, ResidentLookupResponse Resident) ParseRow(string[] fields, string[] columns, string source, int line)
    {
        if (fields.Length < RequiredColumns.Length || fields.Length > columns.Length)
        {
            var expected = columns.Length == RequiredColumns.Length ? $"{columns.Length}" : $"{RequiredColumns.Length} to {columns.Length}";
            throw Malformed(source, line, $"expected {expected} comma-separated fields, found {fields.Length}");
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

        return (personalNumber, new ResidentLookupResponse(fields[1], birthDate, sex, Optional("kanji_name"), Optional("address")));

        string? Optional(string column)
        {
            var index = Array.IndexOf(columns, column);
            return index >= 0 && index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
        }
    }

    private static InvalidDataException Malformed(string source, int line, string problem) =>
        new($"Residents file '{source}' line {line}: {problem}.");
}
