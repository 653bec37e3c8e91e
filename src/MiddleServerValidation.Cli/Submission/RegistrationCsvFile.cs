using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>Reads a registration CSV in the contract's format (snake_case header) into messages.</summary>
internal static class RegistrationCsvFile
{
    public static IEnumerable<RegisterEnrollee> Read(string path, string? batchId)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
        });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            yield return new RegisterEnrollee
            {
                RegistrationId = Field(csv, "registration_id"),
                InsurerNumber = Field(csv, "insurer_number"),
                PersonalNumber = Field(csv, "personal_number"),
                BirthDate = Field(csv, "birth_date"),
                KanaName = Field(csv, "kana_name"),
                Sex = Field(csv, "sex"),
                CardSymbol = Field(csv, "card_symbol"),
                CardNumber = Field(csv, "card_number"),
                BranchNumber = Field(csv, "branch_number"),
                QualificationDate = Field(csv, "qualification_date"),
                BatchId = batchId,
            };
        }
    }

    private static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
