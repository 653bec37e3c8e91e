using System.Text;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>Reads a registration CSV in the contract's format (snake_case header) into messages.</summary>
internal static class RegistrationCsvFile
{
    public static IEnumerable<RegisterEnrollee> Read(string path, string? batchId)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var records = CsvLines.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }

        var header = records.Current.Select((name, index) => (Name: name.Trim().ToLowerInvariant(), index))
            .ToDictionary(h => h.Name, h => h.index);
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.Length == 1 && row[0].Length == 0)
            {
                continue;
            }

            string? Field(string name) =>
                header.TryGetValue(name, out var i) && i < row.Length && row[i].Length > 0 ? row[i] : null;
            yield return new RegisterEnrollee
            {
                RegistrationId = Field("registration_id"),
                InsurerNumber = Field("insurer_number"),
                PersonalNumber = Field("personal_number"),
                BirthDate = Field("birth_date"),
                KanaName = Field("kana_name"),
                Sex = Field("sex"),
                CardSymbol = Field("card_symbol"),
                CardNumber = Field("card_number"),
                BranchNumber = Field("branch_number"),
                QualificationDate = Field("qualification_date"),
                BatchId = batchId,
            };
        }
    }
}
