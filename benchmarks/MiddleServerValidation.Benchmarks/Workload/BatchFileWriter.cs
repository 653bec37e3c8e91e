using System.Text;
using MiddleServerValidation.BatchFiles;

namespace MiddleServerValidation.Benchmarks.Workload;

/// <summary>Writes a batch file in the contract's format (UTF-8, CRLF), as an insurer's system would export it.</summary>
public static class BatchFileWriter
{
    public static async Task<long> WriteAsync(string path, WorkloadGenerator rows, long count, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        await writer.WriteLineAsync(BatchColumns.HeaderLine);
        for (long i = 0; i < count; i++)
        {
            if (i % 100_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var r = rows.Row(i);
            await writer.WriteLineAsync(string.Join(',', ResultsFile.Field(r.RegistrationId), Field(r.InsurerNumber), Field(r.PersonalNumber),
                Field(r.BirthDate), Field(r.KanaName), Field(r.Sex), Field(r.CardSymbol), Field(r.CardNumber), Field(r.BranchNumber),
                Field(r.QualificationDate)));
        }

        await writer.FlushAsync(cancellationToken);
        return writer.BaseStream.Length;
    }

    private static string Field(string? value) => value is null ? "" : ResultsFile.Field(value);
}
