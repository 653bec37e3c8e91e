using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Registration;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>
/// Asks J-LIS again for registrations left Pending, and once it answers decides them for good
/// (with the history as it is now) and writes their final notice.
/// </summary>
public sealed class PendingLookupRetrier(
    NpgsqlDataSource dataSource,
    PersonalNumberProtector protector,
    ResidentAnswers residentAnswers,
    PendingLookupSchedule schedule,
    TimeProvider clock,
    ILogger<PendingLookupRetrier> logger)
{
    public async Task<PendingRetryResult> RetryDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await PendingLookupQueries.ClaimDueAsync(connection, clock.GetUtcNow(), limit, cancellationToken);
        if (due.Count == 0)
        {
            return new PendingRetryResult(0, 0);
        }

        var candidates = due.Select(d => (Due: d, Candidate: d.ToCandidate(protector))).ToArray();
        var answers = await residentAnswers.LookupAllAsync(candidates.Select(c => c.Candidate.PersonalNumber!.Value.Value), cancellationToken);
        var keys = due.Select(d => d.NumberKey).ToArray();
        await RegistrationLocks.AcquireAsync(connection, keys.Select(PersonalNumberProtector.LockKeyOf), cancellationToken);
        var history = await HistoryQueries.LoadHistoryAsync(connection, keys, cancellationToken);

        var now = clock.GetUtcNow();
        var write = new ChunkWrite();
        var stillPending = 0;
        foreach (var (item, candidate) in candidates)
        {
            var answer = answers[candidate.PersonalNumber!.Value.Value];
            if (answer is ResidentAnswer.Unavailable unavailable)
            {
                stillPending++;
                await PendingLookupQueries.PostponeAsync(connection, item, now + schedule.DelayAfter(item.Attempts + 1), unavailable.Cause, cancellationToken);
                continue;
            }

            var earlier = RegistrationProcessor.HistoryOf(history, Convert.ToHexString(item.NumberKey));
            var decision = CrossCheckEngine.Decide(candidate, earlier, answer);
            if (decision.Outcome == Outcome.Accepted)
            {
                earlier.Add(new EarlierRegistration(item.Id, item.InsurerNumber, candidate.BirthDate, candidate.KanaName.Normalized, candidate.Sex));
            }

            await PendingLookupQueries.CompleteAsync(connection, item, decision, ResidentAnswers.ToJson(answer), now, cancellationToken);
            write.Findings.AddRange(DecisionRecords.Findings(item.Id, item.InsurerNumber, decision, now));
            write.Notices.Add(DecisionRecords.Notice(
                item.Id, item.InsurerNumber, item.RegistrationId, item.BatchId, decision.Outcome, decision.Reasons,
                candidate.PersonalNumber?.Masked, now));
        }

        await write.WriteAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var completed = due.Count - stillPending;
        logger.LogInformation("Pending J-LIS lookups: {Completed} decided, {StillPending} still pending", completed, stillPending);
        return new PendingRetryResult(completed, stillPending);
    }
}

public sealed record PendingRetryResult(int Completed, int StillPending);
