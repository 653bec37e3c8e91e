using System.Diagnostics;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.IdentityFacts;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Findings;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.States;
using MiddleServerValidation.Processing.Storage;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.JlisAudit;

/// <summary>
/// The full-store check (<c>msv reconcile --steps jlis-audit</c>): every registration in use compared with J-LIS on the
/// facts it holds, as the middle server re-checked all its registrations in autumn 2023 (DOMAIN.md §6). Batches go to
/// J-LIS in bulk within the adapter's limits (and <see cref="ReconciliationOptions.JlisAuditLookupsPerSecond"/>); a
/// record J-LIS shows wrong gets a finding, is held and its insurer is told, like any other finding. Each batch commits
/// with its checkpoint. When J-LIS stays unavailable the check stops with a warning where it got to, and the next
/// check continues from there.
/// </summary>
internal sealed class JlisAuditStep(
    NpgsqlDataSource dataSource, PersonalNumberProtector protector, ResidentAnswers residentAnswers, ReconciliationOptions options,
    TimeProvider clock, ILogger<JlisAuditStep> logger) : IReconciliationStep
{
    public string Name => ReconciliationSteps.JlisAudit;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (checkpoint, counts) = (context.Checkpoint, JlisAuditCounts.From(context.Counts));
        if (checkpoint is null && await JlisAuditQueries.UnfinishedAsync(dataSource, context.Run.Id, cancellationToken) is { } unfinished)
        {
            (checkpoint, counts) = (unfinished.Checkpoint, JlisAuditCounts.From(unfinished.Counts));
            logger.LogInformation("J-LIS full-store check continues an earlier unfinished check ({Compared} registrations done)", counts.Compared);
        }

        var after = checkpoint is { Length: 16 } ? new Guid(checkpoint, bigEndian: true) : Guid.Empty;
        var rules = RuleSets.Current;
        var pace = Stopwatch.StartNew();
        var paced = 0L;
        while (true)
        {
            var rows = await JlisAuditQueries.NextAsync(dataSource, after, options.JlisAuditBatchSize, cancellationToken);
            if (rows.Count == 0)
            {
                counts.IsComplete = true;
                await SaveAsync(context, after, counts, [], cancellationToken);
                return new StepResult(counts.ToDictionary(), Warning(counts));
            }

            var read = Read(rows, counts);
            var answers = await AskAsync(read, cancellationToken);
            if (answers is null)
            {
                logger.LogWarning("J-LIS full-store check stopped: J-LIS stayed unavailable; {Compared} registrations done, the next check resumes",
                    counts.Compared);
                return new StepResult(counts.ToDictionary(),
                    $"J-LIS に照会できなくなったため、全件J-LIS照合を {counts.Compared:N0} 件目で中断しました。次回の jlis-audit の実行で続きから再開します。");
            }

            var suspects = new List<(AuditRow Row, EarlierSuspect Suspect)>();
            foreach (var (row, number, facts) in read)
            {
                var answer = answers[number];
                counts.Compared++;
                if (StoredRecordAudit.Check(row.Id, row.InsurerNumber, facts, answer, rules) is { } suspect)
                {
                    suspects.Add((row, suspect));
                }
                else if (answer is ResidentAnswer.Found found && StoredRecordAudit.OnlyAddressDiffers(facts, found))
                {
                    counts.AddressOnly++;
                }
                else
                {
                    counts.Confirmed++;
                }
            }

            after = rows[^1].Id;
            counts.Mismatches += await SaveAsync(context, after, counts, suspects, cancellationToken);
            context.Report(counts.ToDictionary());
            paced += read.Count;
            await PaceAsync(pace, paced, cancellationToken);
        }
    }

    // Decrypted in memory only; a record whose number or facts cannot be read is counted, not compared.
    private List<(AuditRow Row, string Number, PersonFacts Facts)> Read(List<AuditRow> rows, JlisAuditCounts counts)
    {
        var read = new List<(AuditRow, string, PersonFacts)>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                var number = PersonalNumber.Parse(protector.Decrypt(row.NumberCipher, PersonalDataBinding.Registration(row.InsurerNumber, row.RegistrationId)));
                if (!number.IsValid)
                {
                    counts.Unreadable++;
                    continue;
                }

                read.Add((row, number.Value.Value, new PersonFacts(
                    Open(row.KanjiNameCipher, row, FactFields.KanjiName), row.KanaName, row.BirthDate,
                    row.Sex, Open(row.AddressCipher, row, FactFields.Address))));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                counts.Unreadable++;
            }
        }

        return read;
    }

    private string? Open(byte[]? cipher, AuditRow row, string field) =>
        cipher is null ? null : protector.Decrypt(cipher, PersonalDataBinding.RegistrationField(row.InsurerNumber, row.RegistrationId, field));

    // The whole batch answered, or null when J-LIS stays unavailable for part of it after the retries.
    private async Task<Dictionary<string, ResidentAnswer>?> AskAsync(List<(AuditRow Row, string Number, PersonFacts Facts)> read, CancellationToken ct)
    {
        var answers = new Dictionary<string, ResidentAnswer>(StringComparer.Ordinal);
        var missing = read.Select(r => r.Number).Distinct().ToList();
        for (var attempt = 0; ; attempt++)
        {
            foreach (var (number, answer) in await residentAnswers.LookupAllAsync(missing, ct))
            {
                if (answer is not ResidentAnswer.Unavailable)
                {
                    answers[number] = answer;
                }
            }

            missing = missing.Where(n => !answers.ContainsKey(n)).ToList();
            if (missing.Count == 0)
            {
                return answers;
            }

            if (attempt >= options.JlisAuditOutageRetries)
            {
                return null;
            }

            logger.LogWarning("J-LIS could not answer {Count} lookups of the full-store check; asking again in {Delay}", missing.Count,
                options.JlisAuditOutageDelay);
            await Task.Delay(options.JlisAuditOutageDelay, clock, ct);
        }
    }

    // The findings of a batch and its checkpoint in one transaction, under the numbers' locks: a registration of the same
    // number decides before or after, never during. Returns how many records were held.
    private async Task<int> SaveAsync(
        StepContext context, Guid after, JlisAuditCounts counts, List<(AuditRow Row, EarlierSuspect Suspect)> suspects, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var held = 0;
        if (suspects.Count > 0)
        {
            await NumberLocks.AcquireForTransactionAsync(connection, suspects.Select(s => s.Row.NumberKey), ct);
            held = (await SuspectRecords.WriteAsync(connection, suspects.Select(s => s.Suspect).ToList(), protector,
                StateEvents.Causes.JlisAudited, clock.GetUtcNow(), ct)).Count;
        }

        var saved = counts.ToDictionary();
        saved["mismatches"] += held;
        await RunStore.SaveCheckpointAsync(connection, context.Run.Id, context.Step, after.ToByteArray(bigEndian: true), saved, ct);
        await transaction.CommitAsync(ct);
        return held;
    }

    // Keeps the check at or under the lookups per second J-LIS grants it.
    private async Task PaceAsync(Stopwatch pace, long asked, CancellationToken ct)
    {
        if (options.JlisAuditLookupsPerSecond <= 0)
        {
            return;
        }

        var due = TimeSpan.FromSeconds((double)asked / options.JlisAuditLookupsPerSecond) - pace.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, clock, ct);
        }
    }

    private static string? Warning(JlisAuditCounts counts) => counts.Unreadable == 0
        ? null
        : $"復号・読み取りのできない登録が {counts.Unreadable:N0} 件あり、J-LIS と照合できませんでした（個人番号の鍵の設定を確認してください）。";
}
