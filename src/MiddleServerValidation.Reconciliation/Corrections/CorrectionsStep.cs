using System.Security.Cryptography;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Reconciliation.Runs;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Corrections;

/// <summary>
/// (c) Writes, for every insurer with registrations, the file of its records that need correcting: ● in card
/// fields, card info missing, personal number missing, open or confirmed suspected errors. An insurer with nothing
/// to correct gets a file with the header only, so its latest file is never an outdated one.
/// </summary>
internal sealed class CorrectionsStep(NpgsqlDataSource dataSource, PersonalNumberProtector protector, TimeProvider clock) : IReconciliationStep
{
    public string Name => ReconciliationSteps.Corrections;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        await using var reading = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writing = await dataSource.OpenConnectionAsync(cancellationToken);
        var pending = new SortedSet<string>(await CorrectionQueries.InsurersAsync(reading, cancellationToken), StringComparer.Ordinal);
        var (files, rows) = (0L, 0L);
        string? insurer = null;
        var csv = new CorrectionCsv();
        async Task SaveAsync(string of, CorrectionCsv file)
        {
            await CorrectionQueries.SaveFileAsync(writing, context.Run.Id, of, CorrectionCsv.FileName(of, context.Run.RunDate),
                file.ToBytes(), file.Rows, clock.GetUtcNow(), cancellationToken);
            pending.Remove(of);
            (files, rows) = (files + 1, rows + file.Rows);
        }

        await foreach (var row in CorrectionQueries.ReadAsync(reading, cancellationToken))
        {
            if (row.InsurerNumber != insurer)
            {
                if (insurer is not null)
                {
                    await SaveAsync(insurer, csv);
                }

                (insurer, csv) = (row.InsurerNumber, new CorrectionCsv());
            }

            Add(csv, row);
        }

        if (insurer is not null)
        {
            await SaveAsync(insurer, csv);
        }

        foreach (var clean in pending.ToList())
        {
            await SaveAsync(clean, new CorrectionCsv());
        }

        return new StepResult(new Dictionary<string, long> { ["files"] = files, ["rows"] = rows });
    }

    private void Add(CorrectionCsv csv, CorrectionRow row)
    {
        var masked = CorrectionTexts.Mask(Decrypt(row));
        var receivedOn = TokyoCalendar.DateOf(row.ReceivedAt);
        void Line(ReasonCode code, string? status = null) =>
            csv.Add(row.RegistrationId, masked, code, CorrectionTexts.Of(code, status), receivedOn);

        if (row.LostCharacter)
        {
            Line(ReasonCode.CardNumberInvalidCharacter);
        }

        if (row.CardInfoMissing)
        {
            Line(ReasonCode.CardInfoMissing);
        }

        if (row.PersonalNumberMissing)
        {
            // J-LIS's search found the number: the insurer has only to obtain it, or confirm it by a correction.
            Line(row.NumberFound ? ReasonCode.PersonalNumberFound : ReasonCode.PersonalNumberMissing);
        }

        if (row.FindingCode is not null && Enum.TryParse<ReasonCode>(row.FindingCode, out var code))
        {
            Line(code, row.FindingStatus);
        }
    }

    private string? Decrypt(CorrectionRow row)
    {
        if (row.NumberCipher is not { } cipher)
        {
            return null;
        }

        try
        {
            return protector.Decrypt(cipher, PersonalDataBinding.Registration(row.InsurerNumber, row.RegistrationId));
        }
        catch (CryptographicException)
        {
            return "????";
        }
    }
}
