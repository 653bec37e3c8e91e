using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>Reads a registration CSV in the contract's format (snake_case header) into messages.</summary>
internal static class RegistrationCsvFile
{
    /// <exception cref="CsvFormatException">The file is not CSV or its header is not the contract's.</exception>
    public static IEnumerable<RegisterEnrollee> Read(string path, string? batchId)
    {
        using var reader = BatchEncodings.Reader(File.OpenRead(path), BatchEncodings.Utf8);
        var csv = new CsvReader(reader);
        var header = BatchFileHeader.Parse(csv.Read());
        while (csv.Read() is { } record)
        {
            var row = record.Fields;
            yield return new RegisterEnrollee
            {
                RegistrationId = header.Value(row, BatchColumn.RegistrationId),
                InsurerNumber = header.Value(row, BatchColumn.InsurerNumber),
                PersonalNumber = header.Value(row, BatchColumn.PersonalNumber),
                BirthDate = header.Value(row, BatchColumn.BirthDate),
                KanaName = header.Value(row, BatchColumn.KanaName),
                Sex = header.Value(row, BatchColumn.Sex),
                CardSymbol = header.Value(row, BatchColumn.CardSymbol),
                CardNumber = header.Value(row, BatchColumn.CardNumber),
                BranchNumber = header.Value(row, BatchColumn.BranchNumber),
                QualificationDate = header.Value(row, BatchColumn.QualificationDate),
                Operation = header.Value(row, BatchColumn.Operation),
                OperationId = header.Value(row, BatchColumn.OperationId),
                OperationReason = header.Value(row, BatchColumn.OperationReason),
                OperationNote = header.Value(row, BatchColumn.OperationNote),
                BatchId = batchId,
            };
        }
    }
}
