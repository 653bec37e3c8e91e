using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// Decides a chunk's operations in order, in memory, alongside its registrations: which record each acts on (as the
/// records before it in the chunk left it), whether it was applied before, and what it does to the history the rules
/// read — a corrected or withdrawn version no longer counts for anyone, and a correction is decided like a new
/// registration against the history without the version it replaces.
/// </summary>
internal sealed class OperationDecider(OperationTargets targets, OrderedDecider decider)
{
    private readonly Dictionary<RegistrationKey, RecordTarget> _records = new(targets.Records);
    private readonly Dictionary<(RegistrationKey, string), int> _appliedInChunk = [];

    public Verdict Decide(int index, PreparedRegistration item, RegistrationKey key, Func<string, ResidentAnswer?> answerOf, HashSet<string> missing)
    {
        var operation = item.Operation;
        if (!operation.IsValid)
        {
            return Refused(null, operation.Problems);
        }

        var identity = (key, item.OperationKey!);
        if (targets.Applied.TryGetValue(identity, out var applied))
        {
            return new Verdict(VerdictKind.OperationDuplicate, null, null, null, Applied: applied);
        }

        if (_appliedInChunk.TryGetValue(identity, out var first))
        {
            return new Verdict(VerdictKind.OperationDuplicate, null, null, first);
        }

        if (!_records.TryGetValue(key, out var target))
        {
            return Refused(null, [Reason.Of(ReasonCode.RecordNotFound, FieldNames.RegistrationId)]);
        }

        if (target.Withdrawn)
        {
            return Refused(target, [Reason.Of(ReasonCode.RecordWithdrawn, FieldNames.RegistrationId)]);
        }

        var verdict = operation.Kind switch
        {
            RegistrationOperation.Correct => Correct(item, key, target, answerOf, missing),
            RegistrationOperation.Withdraw => Withdraw(key, target),
            _ => Answer(key, target),
        };
        if (verdict.Kind is VerdictKind.Corrected or VerdictKind.Withdrawn or VerdictKind.Answered)
        {
            _appliedInChunk[identity] = index;
        }

        return verdict;
    }

    /// <summary>A registration decided earlier in the chunk: an operation after it acts on it.</summary>
    public void Registered(PreparedRegistration item, RegistrationKey key, Decision decision) =>
        _records[key] = NewVersion(item, 1, decision);

    private Verdict Correct(
        PreparedRegistration item, RegistrationKey key, RecordTarget target, Func<string, ResidentAnswer?> answerOf, HashSet<string> missing)
    {
        // An invalid correction changes nothing: the version in use stays, and the insurer is told what is wrong.
        if (item.Candidate is not { } candidate)
        {
            return Refused(target, item.Read.Problems);
        }

        decider.Retire(target.NumberKeyHex, target.VersionId);
        // A correction still without a number is searched for again: J-LIS may answer now, or the facts changed.
        if (decider.Decide(candidate, item.NumberKeyHex, answerOf, ResidentLookups.SearchKeys.Of(item)) is not { } decided)
        {
            missing.Add(decider.AnswerKey(candidate, item.NumberKeyHex, ResidentLookups.SearchKeys.Of(item))!);
            return Verdict.AwaitingAnswer;
        }

        decider.Count(item.Id, key.InsurerNumber, candidate, item.NumberKeyHex, decided.Decision.Outcome);
        _records[key] = NewVersion(item, target.Version + 1, decided.Decision);
        return new Verdict(VerdictKind.Corrected, decided, null, null, target);
    }

    private Verdict Withdraw(RegistrationKey key, RecordTarget target)
    {
        decider.Retire(target.NumberKeyHex, target.VersionId);
        _records[key] = target with { Withdrawn = true, State = Contracts.RegistrationStates.Withdrawn, OpenFindings = [] };
        return new Verdict(VerdictKind.Withdrawn, null, null, null, target);
    }

    private Verdict Answer(RegistrationKey key, RecordTarget target)
    {
        if (target.OpenFindings.Count == 0)
        {
            return Refused(target, [Reason.Of(ReasonCode.NotSuspected, FieldNames.RegistrationId)]);
        }

        var answered = target with { OpenFindings = [] };
        _records[key] = answered with { State = answered.RuleState };
        return new Verdict(VerdictKind.Answered, null, null, null, target);
    }

    private static Verdict Refused(RecordTarget? target, IReadOnlyList<Reason> problems) =>
        new(VerdictKind.OperationRefused, null, null, null, target, problems);

    /// <summary>
    /// A version decided in this chunk, as a later operation of the chunk finds it. Its findings have no ids yet: the
    /// rows built for it give them (<see cref="ChunkRows"/> closes them by version).
    /// </summary>
    private static RecordTarget NewVersion(PreparedRegistration item, int version, Decision decision)
    {
        var findings = decision.Findings.Select(f => new OpenFinding(Guid.Empty, f.Code.ToString(), Persistence.Findings.FindingStatuses.Open, [])).ToArray();
        return new RecordTarget(item.Id, version, decision.Outcome, RegistrationStateRule.Of(decision.Outcome, findings.Length, false, false), false,
            item.NumberKey, item.NumberKeyHex, item.Candidate?.PersonalNumber?.Masked, item.BatchId, findings);
    }
}
