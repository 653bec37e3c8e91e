using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.States;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>
/// Asks J-LIS again for registrations left Pending, and once it answers decides them for good (with the history as it
/// is now) and writes their final notice. The claim is a short transaction of its own; then, as in the decision step,
/// the numbers are locked, their history read once, J-LIS asked with no transaction open, and the decisions written.
/// </summary>
public sealed class PendingLookupRetrier(
    NpgsqlDataSource dataSource,
    PersonalNumberProtector protector,
    ResidentAnswers residentAnswers,
    PendingLookupSchedule schedule,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ProcessingOptions> processing,
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
        await using var numbers = await LockedNumbers.AcquireAsync(dataSource, readable.Select(r => r.Due.NumberKey), cancellationToken);
        var stillPending = await PendingLookupQueries.StillPendingAsync(
            numbers.Connection, [.. readable.Select(r => r.Due.Id), .. unreadable.Select(u => u.Due.Id)], cancellationToken);
        var history = await HistoryQueries.LoadHistoryAsync(numbers.Connection, readable.Select(r => r.Due.NumberKey).ToArray(), cancellationToken);
        var asked = readable.Where(r => stillPending.Contains(r.Due.Id)).ToList();
        var answers = await residentAnswers.LookupAllAsync(asked.Select(r => r.Candidate.PersonalNumber!.Value.Value), cancellationToken);

        var (completed, postponed) = await DecideAsync(
            numbers.Connection, asked, unreadable.Where(u => stillPending.Contains(u.Due.Id)).ToList(), history, answers, cancellationToken);
        logger.LogInformation(
            "Pending J-LIS lookups: {Completed} decided, {StillPending} still pending, {Unreadable} unreadable",
            completed, postponed, unreadable.Count);
        return new PendingRetryResult(due.Count, completed, postponed + unreadable.Count);
    }

    /// <summary>How many J-LIS lookups are pending now (for the pending-lookups gauge).</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM resident_lookups WHERE status = 'Pending'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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

    /// <summary>Decides in memory, in the order they were claimed, then writes everything in one transaction.</summary>
    private async Task<(int Completed, int StillPending)> DecideAsync(
        NpgsqlConnection connection, List<(DueLookup Due, Candidate Candidate)> asked, List<(DueLookup Due, string Cause)> unreadable,
        HistoryBook history, Dictionary<string, ResidentAnswer> answers, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var decider = new OrderedDecider(history, processing.Value.Rules());
        var write = new ChunkWrite();
        var postponed = unreadable.Select(u => (u.Due, u.Cause)).ToList();
        var completed = new List<(DueLookup Due, Decision Decision, string State, ResidentAnswer Answer)>();
        foreach (var (item, candidate) in asked)
        {
            var key = Convert.ToHexString(item.NumberKey);
            var answer = answers[candidate.PersonalNumber!.Value.Value];
            if (answer is ResidentAnswer.Unavailable unavailable || decider.Decide(candidate, key, _ => answer) is not { } decided)
            {
                postponed.Add((item, (answer as ResidentAnswer.Unavailable)?.Cause ?? "J-LIS unavailable"));
                continue;
            }

            var decision = decided.Decision;
            decider.Count(item.Id, item.InsurerNumber, candidate, key, decision.Outcome);
            foreach (var suspect in decision.Suspects)
            {
                decider.Retire(key, suspect.RegistrationId);
            }

            write.Suspects.AddRange(decision.Suspects);
            var findings = DecisionRows.Findings(item.Id, item.InsurerNumber, decision.Findings, now).ToList();
            var state = RegistrationStateRule.Of(decision.Outcome, findings.Count, withdrawn: false, superseded: false);
            completed.Add((item, decision, state, answer));
            write.Findings.AddRange(findings);
            var masked = candidate.PersonalNumber?.Masked;
            write.Notices.Add(NoticeOutbox.Row(item.Id, NoticeOutbox.Notice(
                item.InsurerNumber, item.RegistrationId, item.BatchId, decision.Outcome, decision.Reasons, masked, now, version: item.Version, state: state), now));
            if (state != item.State)
            {
                write.Notices.Add(StateEvents.Row(item.InsurerNumber, item.RegistrationId, item.Id, item.Version, state, item.State, decision.Outcome.ToString(),
                    StateEvents.Causes.ResidentRegistryAnswered, findings.Select(f => f.Code).ToArray(), masked, now));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (item, cause) in postponed)
        {
            await PendingLookupQueries.PostponeAsync(connection, item, now + schedule.DelayAfter(item.Attempts + 1), cause, ct);
        }

        foreach (var (item, decision, state, answer) in completed)
        {
            // The answer J-LIS gave is kept even when the history that appeared meanwhile decided the record without it.
            await PendingLookupQueries.CompleteAsync(connection, item, decision, state, ResidentAnswers.ToJson(answer), now, ct);
        }

        await write.WriteAsync(connection, protector, now, ct);
        await transaction.CommitAsync(ct);
        return (completed.Count, postponed.Count - unreadable.Count);
    }
}

/// <summary>What one pass did: lookups claimed, decided, and left pending.</summary>
public sealed record PendingRetryResult(int Claimed, int Completed, int StillPending);
