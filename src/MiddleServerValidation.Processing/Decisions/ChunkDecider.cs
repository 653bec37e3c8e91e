using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Operations;
using MiddleServerValidation.Processing.ResidentLookups;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// Decides a chunk of new registrations in memory, in order, with no I/O: a record already stored under its key, or
/// earlier in the chunk, is a duplicate; an invalid one is Rejected; a valid one is decided against the history as it
/// stands (the chunk's own accepted records included). When a record needs a J-LIS answer that is not at hand, its
/// number is returned as missing and the chunk must be decided again once it is: the caller holds the numbers' locks,
/// so the history does not change meanwhile. Deciding is cheap; building the rows to write (<see cref="ChunkRows"/>)
/// is done once, when nothing is missing. Operations on earlier records are decided in the same order
/// (<see cref="OperationDecider"/>), so a correction and another insurer's registration of the same number in one chunk
/// are decided as if one came after the other.
/// </summary>
public static class ChunkDecider
{
    public static ChunkVerdicts Decide(
        IReadOnlyList<PreparedRegistration> items, IReadOnlyDictionary<RegistrationKey, ExistingRegistration> existing, HistoryBook history,
        IReadOnlyDictionary<string, ResidentAnswer> answers, RuleSet rules, OperationTargets? targets = null)
    {
        var decider = new OrderedDecider(history, rules);
        var operations = targets is null ? null : new OperationDecider(targets, decider);
        var verdicts = new Verdict[items.Count];
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var firstOfKey = new Dictionary<RegistrationKey, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Key is not { } key)
            {
                verdicts[i] = Verdict.Unaddressable;
            }
            else if (item.Refusal is not null)
            {
                verdicts[i] = Verdict.Refused;
            }
            else if (!item.Operation.IsRegistration)
            {
                verdicts[i] = (operations ?? throw new InvalidOperationException("A chunk with operations is decided with their targets."))
                    .Decide(i, item, key, number => answers.GetValueOrDefault(number), missing);
            }
            else if (existing.TryGetValue(key, out var stored))
            {
                verdicts[i] = new Verdict(VerdictKind.Stored, null, stored, null);
            }
            else if (firstOfKey.TryGetValue(key, out var first))
            {
                verdicts[i] = new Verdict(VerdictKind.DuplicateInChunk, null, null, first);
            }
            else if (item.Candidate is not { } candidate)
            {
                firstOfKey[key] = i;
                verdicts[i] = Verdict.Rejected;
            }
            else if (decider.Decide(candidate, item.NumberKeyHex, number => answers.GetValueOrDefault(number), SearchKeys.Of(item)) is { } decided)
            {
                firstOfKey[key] = i;
                decider.Count(item.Id, key.InsurerNumber, candidate, item.NumberKeyHex, decided.Decision.Outcome);
                // An earlier registration J-LIS shows to be wrong is held when the chunk commits: it is no history for the records after.
                foreach (var suspect in decided.Decision.Suspects)
                {
                    decider.Retire(item.NumberKeyHex, suspect.RegistrationId);
                }

                verdicts[i] = new Verdict(VerdictKind.Decided, decided, null, null);
                operations?.Registered(item, key, decided.Decision);
            }
            else
            {
                missing.Add(decider.AnswerKey(candidate, item.NumberKeyHex, SearchKeys.Of(item))!);
                verdicts[i] = Verdict.AwaitingAnswer;
            }
        }

        return new ChunkVerdicts(verdicts, missing);
    }
}

/// <summary>
/// The decisions of a chunk's records, in order, and what J-LIS must be asked before they stand: numbers to look up, and
/// the <see cref="SearchKeys"/> of records without one to search for.
/// </summary>
public sealed record ChunkVerdicts(IReadOnlyList<Verdict> Items, IReadOnlyCollection<string> MissingAnswers);

public enum VerdictKind
{
    /// <summary>No valid insurer number or registration id.</summary>
    Unaddressable,

    /// <summary>Invalid: stored Rejected with its problems.</summary>
    Rejected,

    /// <summary>Decided by the rules.</summary>
    Decided,

    /// <summary>Already stored under the same key (a redelivery).</summary>
    Stored,

    /// <summary>A record earlier in the chunk has the same key.</summary>
    DuplicateInChunk,

    /// <summary>Needs a J-LIS answer not yet at hand.</summary>
    AwaitingAnswer,

    /// <summary>Names another insurer than its sender: answered to the sender, not stored.</summary>
    Refused,

    /// <summary>A correction applied: a new version decided by the rules, the one it replaces retired.</summary>
    Corrected,

    /// <summary>A withdrawal applied: the record retired.</summary>
    Withdrawn,

    /// <summary>An answer (理由付き疑いなし) applied: the record's open findings closed.</summary>
    Answered,

    /// <summary>An operation that cannot be applied (see <see cref="Verdict.Problems"/>): answered Rejected, nothing changed.</summary>
    OperationRefused,

    /// <summary>An operation already applied (a redelivery): nothing is written again.</summary>
    OperationDuplicate,
}

/// <param name="Decided">The decision and the J-LIS answer it used (<see cref="VerdictKind.Decided"/>).</param>
/// <param name="Stored">The registration already stored (<see cref="VerdictKind.Stored"/>).</param>
/// <param name="First">
/// The index of the record with the same key earlier in the chunk (<see cref="VerdictKind.DuplicateInChunk"/>), or of the
/// same operation (<see cref="VerdictKind.OperationDuplicate"/>).
/// </param>
/// <param name="Target">The record an operation acted on, as it stood before it.</param>
/// <param name="Problems">Why an operation is refused.</param>
/// <param name="Applied">The operation as it was applied before (<see cref="VerdictKind.OperationDuplicate"/>).</param>
public sealed record Verdict(
    VerdictKind Kind, Decided? Decided, ExistingRegistration? Stored, int? First,
    RecordTarget? Target = null, IReadOnlyList<Reason>? Problems = null, AppliedOperationRef? Applied = null)
{
    public static readonly Verdict Unaddressable = new(VerdictKind.Unaddressable, null, null, null);
    public static readonly Verdict Rejected = new(VerdictKind.Rejected, null, null, null);
    public static readonly Verdict AwaitingAnswer = new(VerdictKind.AwaitingAnswer, null, null, null);
    public static readonly Verdict Refused = new(VerdictKind.Refused, null, null, null);
}

/// <summary>A registration already stored under a key of the chunk (a redelivery).</summary>
public sealed record ExistingRegistration(Guid Id, string Outcome);
