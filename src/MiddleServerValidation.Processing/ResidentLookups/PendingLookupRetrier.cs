using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Registration;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>
/// Asks J-LIS again for registrations left Pending, and once it answers decides them for good
/// (with the history as it is now) and writes their final notice. Three steps, so that no lock is
/// held while J-LIS is asked: claim (short transaction), ask, decide (under the number locks).
/// </summary>
public sealed class PendingLookupRetrier(
    NpgsqlDataSource dataSource,
    PersonalNumberProtector protector,
    ResidentAnswers residentAnswers,
    PendingLookupSchedule schedule,
    TimeProvider clock,
    ILogger<PendingLookupRetrier> logger)
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    public async Task<PendingRetryResult> RetryDueAsync(int limit, CancellationToken cancellationToken)
    {
        List<DueLookup> due;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            due = await PendingLookupQueries.ClaimDueAsync(connection, clock.GetUtcNow(), ClaimLease, limit, cancellationToken);
        }

        if (due.Count == 0)
        {
            return new PendingRetryResult(0, 0, 0);
        }

        var (readable, unreadable) = ReadCandidates(due);
        var answers = await residentAnswers.LookupAllAsync(readable.Select(c => c.Candidate.PersonalNumber!.Value.Value), cancellationToken);
        var (completed, stillPending) = await DecideAsync(readable, unreadable, answers, cancellationToken);
        logger.LogInformation(
            "Pending J-LIS lookups: {Completed} decided, {StillPending} still pending, {Unreadable} unreadable",
            completed, stillPending, unreadable.Count);
        return new PendingRetryResult(due.Count, completed, stillPending + unreadable.Count);
    }

    /// <summary>A row that cannot be read back (e.g. a key no longer configured) is postponed, not allowed to block the rest.</summary>
    private (List<(DueLookup Due, Candidate Candidate)> Readable, List<(DueLookup Due, string Cause)> Unreadable) ReadCandidates(List<DueLookup> due)
    {
        var readable = new List<(DueLookup, Candidate)>();
        var unreadable = new List<(DueLookup, string)>();
        foreach (var item in due)
        {
            try
            {
                readable.Add((item, item.ToCandidate(protector)));
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                logger.LogError("Pending lookup of registration {RegistrationId} cannot be read back: {ErrorType}", item.Id, e.GetType().Name);
                unreadable.Add((item, $"stored registration unreadable: {e.GetType().Name}"));
            }
        }

        return (readable, unreadable);
    }

    private async Task<(int Completed, int StillPending)> DecideAsync(
        List<(DueLookup Due, Candidate Candidate)> readable, List<(DueLookup Due, string Cause)> unreadable,
        Dictionary<string, ResidentAnswer> answers, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var keys = readable.Select(r => r.Due.NumberKey).ToArray();
        await RegistrationLocks.AcquireAsync(connection, keys.Select(PersonalNumberProtector.LockKeyOf), cancellationToken);
        var stillPendingIds = await PendingLookupQueries.LockStillPendingAsync(
            connection, readable.Select(r => r.Due.Id).Concat(unreadable.Select(u => u.Due.Id)).ToArray(), cancellationToken);
        var history = await HistoryQueries.LoadHistoryAsync(connection, keys, cancellationToken);

        var now = clock.GetUtcNow();
        var write = new ChunkWrite();
        var (completed, stillPending) = (0, 0);
        foreach (var (item, cause) in unreadable.Where(u => stillPendingIds.Contains(u.Due.Id)))
        {
            await PendingLookupQueries.PostponeAsync(connection, item, now + schedule.DelayAfter(item.Attempts + 1), cause, cancellationToken);
        }

        foreach (var (item, candidate) in readable.Where(r => stillPendingIds.Contains(r.Due.Id)))
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

            completed++;
            await PendingLookupQueries.CompleteAsync(connection, item, decision, ResidentAnswers.ToJson(answer), now, cancellationToken);
            write.Findings.AddRange(DecisionRecords.Findings(item.Id, item.InsurerNumber, decision, now));
            write.Notices.Add(DecisionRecords.Notice(
                item.Id, item.InsurerNumber, item.RegistrationId, item.BatchId, decision.Outcome, decision.Reasons,
                candidate.PersonalNumber?.Masked, now));
        }

        await write.WriteAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (completed, stillPending);
    }
}

/// <summary>What one pass did: lookups claimed, decided, and left pending.</summary>
public sealed record PendingRetryResult(int Claimed, int Completed, int StillPending);
