using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.Storage;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// Decides a chunk of new registrations in memory, in order, with no I/O: a record already stored under its key, or
/// earlier in the chunk, is a duplicate; an invalid one is Rejected; a valid one is decided against the history as it
/// stands (the chunk's own accepted records included). The rows to write come out with the results. When a record
/// needs a J-LIS answer that is not at hand, its number is returned as missing and the chunk must be decided again
/// once it is: the caller holds the numbers' locks, so the history does not change meanwhile.
/// </summary>
public static class ChunkDecider
{
    public static DecidedChunk Decide(
        IReadOnlyList<PreparedRegistration> items, IReadOnlyDictionary<RegistrationKey, ExistingRegistration> existing, HistoryBook history,
        IReadOnlyDictionary<string, ResidentAnswer> answers, DecisionContext context)
    {
        var decider = new OrderedDecider(history, context.Rules);
        var write = new ChunkWrite();
        var results = new RegistrationResult[items.Count];
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var decidedInChunk = new Dictionary<RegistrationKey, RegistrationResult>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Key is not { } key)
            {
                results[i] = new RegistrationResult(RegistrationResultKind.Unaddressable, null, null, null, item.Read.Problems);
            }
            else if (existing.TryGetValue(key, out var stored))
            {
                results[i] = new RegistrationResult(RegistrationResultKind.Duplicate, stored.Id, stored.Outcome, null, []);
            }
            else if (decidedInChunk.TryGetValue(key, out var first))
            {
                results[i] = first with { Kind = RegistrationResultKind.Duplicate, NoticeId = null };
            }
            else if (item.Candidate is not { } candidate)
            {
                results[i] = decidedInChunk[key] = Add(write, item, key, Outcome.Rejected, item.Read.Problems, null, null, context);
            }
            else if (decider.Decide(candidate, item.NumberKeyHex, number => answers.GetValueOrDefault(number)) is { } decided)
            {
                var decision = decided.Decision;
                decider.Count(item.Id, key.InsurerNumber, candidate, item.NumberKeyHex, decision.Outcome);
                write.Findings.AddRange(DecisionRows.Findings(item.Id, key.InsurerNumber, decision.Findings, context.Now));
                if (decision.Outcome == Outcome.Pending)
                {
                    write.Lookups.Add(DecisionRows.PendingLookup(item.Id, decided.Answer, context.Schedule, context.Now));
                }

                results[i] = decidedInChunk[key] = Add(write, item, key, decision.Outcome, decision.Reasons, decided.Answer, candidate, context);
            }
            else
            {
                missing.Add(candidate.PersonalNumber!.Value.Value);
            }
        }

        return new DecidedChunk(results, write, missing);
    }

    private static RegistrationResult Add(
        ChunkWrite write, PreparedRegistration item, RegistrationKey key, Outcome outcome, IReadOnlyList<Reason> reasons,
        ResidentAnswer? answer, Candidate? candidate, DecisionContext context)
    {
        write.Registrations.Add(DecisionRows.Registration(item, key, outcome, reasons, answer, context.Now));
        if (!context.WriteNotices)
        {
            return new RegistrationResult(RegistrationResultKind.Decided, item.Id, outcome.ToString(), null, reasons);
        }

        var notice = NoticeOutbox.Notice(key.InsurerNumber, key.RegistrationId, item.BatchId, outcome, reasons,
            candidate?.PersonalNumber?.Masked, context.Now);
        write.Notices.Add(NoticeOutbox.Row(item.Id, notice, context.Now));
        return new RegistrationResult(RegistrationResultKind.Decided, item.Id, outcome.ToString(), notice.NoticeId, reasons);
    }
}

/// <summary>What a decision needs besides the records and the history: the rules, the time, the retry schedule, the options.</summary>
public sealed record DecisionContext(RuleSet Rules, DateTimeOffset Now, PendingLookupSchedule Schedule, bool WriteNotices);

/// <summary>A chunk decided in memory: a result per record and the rows to write; or the numbers J-LIS must be asked about first.</summary>
public sealed record DecidedChunk(IReadOnlyList<RegistrationResult> Results, ChunkWrite Write, IReadOnlyCollection<string> MissingAnswers);

/// <summary>A registration already stored under a key of the chunk (a redelivery).</summary>
public sealed record ExistingRegistration(Guid Id, string Outcome);
