using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Operations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.States;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// Builds what a chunk's applied and refused operations write, in the chunk's order: the notice to the insurer, the
/// log entry, the version change, the findings closed with their case events, the state event. A finding raised on a
/// version the same chunk decided is closed by the id its row was given (<see cref="Built"/>).
/// </summary>
internal sealed class OperationRowBuilder(DecisionContext context)
{
    private readonly Dictionary<Guid, IReadOnlyList<StoredFinding>> _findingsOfNewVersions = [];

    /// <summary>Remembers the findings a version decided in this chunk was given, for an operation after it.</summary>
    public void Built(PreparedRegistration item, ItemRows? rows)
    {
        if (rows is { Registration: not null, Findings.Count: > 0 })
        {
            _findingsOfNewVersions[item.Id] = rows.Findings;
        }
    }

    public (RegistrationResult, ItemRows?) Corrected(PreparedRegistration item, Verdict verdict, (RegistrationResult Result, ItemRows Rows) decided)
    {
        var target = verdict.Target!;
        var closures = Close(item, target, FindingStatuses.Corrected, CaseEventKinds.InsurerCorrected, decided.Result.NoticeId);
        var applied = Log(item, item.Id, target.VersionId, decided.Result.Outcome!, decided.Result.NoticeId, closures.Count);
        var operation = new OperationRows(applied, new VersionChange(target.VersionId, RegistrationStates.Superseded, Retire: true), closures, false,
            CancelLookupOf(target));
        return (decided.Result, decided.Rows with { Operation = operation });
    }

    public (RegistrationResult, ItemRows?) Withdrawn(PreparedRegistration item, Verdict verdict)
    {
        var (target, key) = (verdict.Target!, item.Key!);
        var reason = new Reason(ReasonCode.Withdrawn, null,
            $"{ReasonCatalog.MessageOf(ReasonCode.Withdrawn)}（削除の理由：{OperationReasons.Label(item.Operation.Reason)}）");
        var notice = Notice(item, target, Outcome.Withdrawn, [reason], RegistrationStates.Withdrawn, target.VersionId);
        var closures = Close(item, target, FindingStatuses.Withdrawn, CaseEventKinds.InsurerWithdrew, notice?.NoticeId);
        var operation = new OperationRows(
            Log(item, target.VersionId, null, Outcomes.Withdrawn, notice?.NoticeId, closures.Count),
            new VersionChange(target.VersionId, RegistrationStates.Withdrawn, Retire: true), closures, false, CancelLookupOf(target));
        var stateEvent = Event(key, target, RegistrationStates.Withdrawn, StateEvents.Causes.Withdrawn, []);
        return (new RegistrationResult(RegistrationResultKind.Decided, target.VersionId, Outcomes.Withdrawn, notice?.NoticeId, [reason]),
            new ItemRows(null, [], null, notice, stateEvent, operation));
    }

    public (RegistrationResult, ItemRows?) Answered(PreparedRegistration item, Verdict verdict)
    {
        var (target, key) = (verdict.Target!, item.Key!);
        var state = RegistrationStateRule.Of(target.Outcome, 0, withdrawn: false, superseded: false);
        var reason = new Reason(ReasonCode.AnsweredNoError, null,
            $"{ReasonCatalog.MessageOf(ReasonCode.AnsweredNoError)}（区分：{OperationReasons.Label(item.Operation.Reason)}）");
        var notice = Notice(item, target, Outcome.Answered, [reason], state, target.VersionId);
        var closures = Close(item, target, FindingStatuses.Answered, CaseEventKinds.InsurerAnswered, notice?.NoticeId);
        var operation = new OperationRows(
            Log(item, target.VersionId, null, Outcomes.Answered, notice?.NoticeId, closures.Count),
            new VersionChange(target.VersionId, state, Retire: false), closures, Suppress: true, CancelLookupOf: null);
        var stateEvent = state == target.State ? null : Event(key, target, state, StateEvents.Causes.Answered, []);
        return (new RegistrationResult(RegistrationResultKind.Decided, target.VersionId, Outcomes.Answered, notice?.NoticeId, [reason]),
            new ItemRows(null, [], null, notice, stateEvent, operation));
    }

    /// <summary>Nothing changes; the insurer is told why, under an id of the operation's own (a redelivery is told once).</summary>
    public (RegistrationResult, ItemRows?) Refused(PreparedRegistration item, Verdict verdict)
    {
        var problems = verdict.Problems!;
        var notice = Notice(item, verdict.Target, Outcome.Rejected, problems, verdict.Target?.State, registration: null);
        return (new RegistrationResult(RegistrationResultKind.Refused, null, Outcomes.Rejected, notice?.NoticeId, problems),
            notice is null ? null : new ItemRows(null, [], null, notice));
    }

    private Persistence.Notices.OutboxNotice? Notice(
        PreparedRegistration item, RecordTarget? target, Outcome outcome, IReadOnlyList<Reason> reasons, string? state, Guid? registration)
    {
        if (!context.WriteNotices)
        {
            return null;
        }

        var key = item.Key!;
        var purpose = outcome == Outcome.Rejected ? $"refused:{item.Operation.Name}" : item.Operation.Name;
        var notice = NoticeOutbox.Notice(key.InsurerNumber, key.RegistrationId, target?.BatchId ?? item.BatchId, outcome, reasons,
            target?.PersonalNumberMasked ?? item.Candidate?.PersonalNumber?.Masked, context.Now,
            NoticeIds.OfOperation(key.InsurerNumber, key.RegistrationId, purpose, item.OperationKey!), target?.Version, state, item.Operation.Name);
        return NoticeOutbox.Row(registration, notice, context.Now);
    }

    private List<FindingClosure> Close(PreparedRegistration item, RecordTarget target, string status, string eventKind, Guid? noticeId)
    {
        var actor = CaseEventKinds.InsurerActor(item.Key!.InsurerNumber);
        var findings = target.OpenFindings.Any(f => f.Id == Guid.Empty) && _findingsOfNewVersions.TryGetValue(target.VersionId, out var built)
            ? built.Select(f => new OpenFinding(f.Id, f.Code, f.Status, f.ConflictingRegistrationIds)).ToList()
            : target.OpenFindings.ToList();
        return findings.Select(f => new FindingClosure(f.Id, target.VersionId, f.Code, f.ConflictingRegistrationIds, f.Status, status, eventKind,
            actor, item.Operation.Reason, item.Operation.Note, noticeId)).ToList();
    }

    private AppliedOperation Log(PreparedRegistration item, Guid versionId, Guid? replaced, string outcome, Guid? noticeId, int closed) => new()
    {
        Id = Guid.CreateVersion7(),
        InsurerNumber = item.Key!.InsurerNumber,
        RegistrationId = item.Key.RegistrationId,
        Operation = item.Operation.Name,
        OperationKey = item.OperationKey!,
        VersionId = versionId,
        ReplacedVersionId = replaced,
        Reason = item.Operation.Reason,
        Note = item.Operation.Note,
        Outcome = outcome,
        NoticeId = noticeId,
        FindingsClosed = closed,
        ReceivedAt = context.Now,
    };

    private Persistence.Notices.OutboxNotice Event(
        Domain.Registration.RegistrationKey key, RecordTarget target, string state, string cause, IReadOnlyList<string> openReasons) =>
        StateEvents.Row(key.InsurerNumber, key.RegistrationId, target.VersionId, target.Version, state, target.State, target.Outcome.ToString(),
            cause, openReasons, target.PersonalNumberMasked, context.Now);

    /// <summary>A Pending version's J-LIS retry is moot once the version is replaced or withdrawn.</summary>
    private static Guid? CancelLookupOf(RecordTarget target) => target.Outcome == Outcome.Pending ? target.VersionId : null;
}
