using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.ResidentLookups;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.Operations;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.States;
using MiddleServerValidation.Processing.Storage;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>Turns a chunk's verdicts into its results and the rows to write: registration, findings, pending lookup, notice.</summary>
public static class ChunkRows
{
    public static DecidedChunk Build(IReadOnlyList<PreparedRegistration> items, ChunkVerdicts verdicts, DecisionContext context)
    {
        if (verdicts.MissingAnswers.Count > 0)
        {
            throw new InvalidOperationException("A chunk is built only once every J-LIS answer it needs is at hand.");
        }

        var results = new RegistrationResult[items.Count];
        var rows = new ItemRows?[items.Count];
        var operations = new OperationRowBuilder(context);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, verdict) = (items[i], verdicts.Items[i]);
            (results[i], rows[i]) = verdict.Kind switch
            {
                VerdictKind.Stored => (new RegistrationResult(RegistrationResultKind.Duplicate, verdict.Stored!.Id, verdict.Stored.Outcome, null, []), null),
                VerdictKind.DuplicateInChunk => (results[verdict.First!.Value] with { Kind = RegistrationResultKind.Duplicate, NoticeId = null }, null),
                VerdictKind.Rejected => Rows(item, Outcome.Rejected, item.Read.Problems, [], null, context),
                VerdictKind.Refused => Refusal(item, context),
                VerdictKind.Decided => WithSuspects(Rows(item, verdict.Decided!.Decision.Outcome, verdict.Decided.Decision.Reasons,
                    verdict.Decided.Decision.Findings, verdict.Decided.Answer, context), item, verdict.Decided.Decision),
                VerdictKind.Corrected => operations.Corrected(item, verdict, WithSuspects(
                    Rows(item, verdict.Decided!.Decision.Outcome, verdict.Decided.Decision.Reasons, verdict.Decided.Decision.Findings, verdict.Decided.Answer,
                        context, NewVersion.Correcting(verdict.Target!)), item, verdict.Decided.Decision)),
                VerdictKind.Withdrawn => operations.Withdrawn(item, verdict),
                VerdictKind.Answered => operations.Answered(item, verdict),
                VerdictKind.OperationRefused => operations.Refused(item, verdict),
                VerdictKind.OperationDuplicate => (verdict.First is { } first
                    ? results[first] with { Kind = RegistrationResultKind.Duplicate, NoticeId = null, Reasons = [Reason.Of(ReasonCode.OperationRepeated)] }
                    : new RegistrationResult(RegistrationResultKind.Duplicate, verdict.Applied!.VersionId, verdict.Applied.Outcome, null,
                        [Reason.Of(ReasonCode.OperationRepeated)]), null),
                _ => (new RegistrationResult(RegistrationResultKind.Unaddressable, null, null, null, item.Read.Problems), null),
            };
            operations.Built(item, rows[i]);
        }

        return new DecidedChunk(results, rows);
    }

    // What a decision writes besides the record: earlier records J-LIS shows wrong, and a number J-LIS's search found.
    private static (RegistrationResult, ItemRows) WithSuspects((RegistrationResult Result, ItemRows Rows) built, PreparedRegistration item, Decision decision) =>
        (built.Result, built.Rows with
        {
            Suspects = decision.Suspects.Count == 0 ? null : decision.Suspects,
            Found = decision.FoundNumber is { } found ? new FoundNumberRow(item.Id, item.Key!.InsurerNumber, item.Key.RegistrationId, found) : null,
        });

    /// <summary>A record naming another insurer: nothing is stored; its sender is told, under an id of the refusal's own.</summary>
    private static (RegistrationResult, ItemRows?) Refusal(PreparedRegistration item, DecisionContext context)
    {
        var (key, sender, reasons) = (item.Key!, item.Sender!, (IReadOnlyList<Reason>)[item.Refusal!]);
        if (!context.WriteNotices)
        {
            return (new RegistrationResult(RegistrationResultKind.Refused, null, Outcome.Rejected.ToString(), null, reasons), null);
        }

        var notice = NoticeOutbox.Notice(sender, key.RegistrationId, item.BatchId, Outcome.Rejected, reasons, item.Candidate?.PersonalNumber?.Masked,
            context.Now, NoticeIds.OfPurpose(sender, key.RegistrationId, $"refused:{key.InsurerNumber}"));
        return (new RegistrationResult(RegistrationResultKind.Refused, null, Outcome.Rejected.ToString(), notice.NoticeId, reasons),
            new ItemRows(null, [], null, NoticeOutbox.Row(null, notice, context.Now)));
    }

    private static (RegistrationResult, ItemRows) Rows(
        PreparedRegistration item, Outcome outcome, IReadOnlyList<Reason> reasons, IReadOnlyList<Finding> findings, ResidentAnswer? answer,
        DecisionContext context, NewVersion? version = null)
    {
        version ??= NewVersion.First;
        var key = item.Key!;
        var registration = DecisionRows.Registration(item, key, outcome, reasons, answer, context.Now);
        var stored = DecisionRows.Findings(item.Id, key.InsurerNumber, findings, context.Now).ToList();
        var lookup = outcome == Outcome.Pending ? DecisionRows.PendingLookup(item.Id, answer, context.Schedule, context.Now) : null;
        registration.Version = version.Number;
        registration.State = RegistrationStateRule.Of(outcome, stored.Count, withdrawn: false, superseded: false);
        var masked = item.Candidate?.PersonalNumber?.Masked;
        // A record accepted at once is usable without an event; a held one is announced, and a correction always is.
        var stateEvent = version.Replaces is not null || StateEvents.AnnouncesNew(registration.State)
            ? StateEvents.Row(key.InsurerNumber, key.RegistrationId, item.Id, version.Number, registration.State, version.Replaces?.State,
                registration.Outcome, version.Replaces is null ? StateEvents.Causes.Registered : StateEvents.Causes.Corrected,
                stored.Select(f => f.Code).ToArray(), masked, context.Now)
            : null;
        if (!context.WriteNotices)
        {
            return (new RegistrationResult(RegistrationResultKind.Decided, item.Id, registration.Outcome, null, reasons),
                new ItemRows(registration, stored, lookup, null, stateEvent));
        }

        var notice = NoticeOutbox.Notice(key.InsurerNumber, key.RegistrationId, item.BatchId, outcome, reasons, masked, context.Now,
            version: version.Number, state: registration.State, operation: version.Replaces is null ? null : item.Operation.Name);
        return (new RegistrationResult(RegistrationResultKind.Decided, item.Id, registration.Outcome, notice.NoticeId, reasons),
            new ItemRows(registration, stored, lookup, NoticeOutbox.Row(item.Id, notice, context.Now), stateEvent));
    }
}

/// <summary>Which version a decision stores: the first, or the next one of a record a correction replaces.</summary>
public sealed record NewVersion(int Number, RecordTarget? Replaces)
{
    public static NewVersion First { get; } = new(1, null);

    public static NewVersion Correcting(RecordTarget target) => new(target.Version + 1, target);
}

/// <summary>What one record writes: a decision's rows, a state event, and what an applied operation changes.</summary>
/// <param name="Suspects">Earlier registrations J-LIS shows to be wrong instead of this one: held when the chunk commits.</param>
/// <param name="Found">The number J-LIS's search found for this record, sent without one.</param>
public sealed record ItemRows(
    StoredRegistration? Registration, IReadOnlyList<StoredFinding> Findings, PendingResidentLookup? Lookup, OutboxNotice? Notice,
    OutboxNotice? StateEvent = null, OperationRows? Operation = null, IReadOnlyList<EarlierSuspect>? Suspects = null,
    FoundNumberRow? Found = null);

/// <summary>A chunk decided in memory: a result per record and the rows each one writes.</summary>
public sealed record DecidedChunk(IReadOnlyList<RegistrationResult> Results, IReadOnlyList<ItemRows?> Rows)
{
    public static DecidedChunk Empty { get; } = new([], []);

    public ChunkWrite Write()
    {
        var write = new ChunkWrite();
        foreach (var rows in Rows)
        {
            if (rows is null)
            {
                continue;
            }

            if (rows.Registration is not null)
            {
                write.Registrations.Add(rows.Registration);
            }

            write.Findings.AddRange(rows.Findings);
            if (rows.Lookup is not null)
            {
                write.Lookups.Add(rows.Lookup);
            }

            if (rows.Notice is not null)
            {
                write.Notices.Add(rows.Notice);
            }

            if (rows.StateEvent is not null)
            {
                write.Notices.Add(rows.StateEvent);
            }

            if (rows.Operation is not null)
            {
                write.Operations.Add(rows.Operation);
            }

            write.Suspects.AddRange(rows.Suspects ?? []);
            if (rows.Found is not null)
            {
                write.FoundNumbers.Add(rows.Found);
            }
        }

        return write;
    }
}

/// <summary>What a decision needs besides the records and the history: the rules, the time, the retry schedule, the options.</summary>
public sealed record DecisionContext(RuleSet Rules, DateTimeOffset Now, PendingLookupSchedule Schedule, bool WriteNotices);
