using System.Security.Cryptography;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Findings;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// Replays the registrations of one number in the order they were decided, deciding each against the Accepted ones
/// before it with the decision step's <see cref="OrderedDecider"/>. A registration with no earlier Accepted one is
/// left alone: its check is J-LIS, which only the pending-lookup retry asks again. What the re-check keeps of a
/// decision (a new finding, or a stored or dismissed one) decides whether the registration counts for the ones after it.
/// </summary>
internal sealed class RecheckDecider(PersonalNumberProtector protector, RuleSet rules, PairSuppressions suppressions)
{
    private readonly Dictionary<string, KanaName> _names = new(StringComparer.Ordinal);

    public RuleSet Rules => rules;

    public void Decide(RecheckGroup group, IReadOnlyDictionary<Guid, List<StoredFindingRef>> stored, RecheckCounts counts, RecheckResult result)
    {
        counts.Numbers++;
        var key = Convert.ToHexString(group.NumberKey);
        var decider = new OrderedDecider(HistoryBook.Empty(), rules);
        var seenAccepted = false;
        foreach (var row in group.Rows)
        {
            // Read (decrypted) only when there is something to decide it against.
            var outcome = seenAccepted ? DecideRow(row, ReadCandidate(row), key, decider, stored, counts, result) : row.Outcome;
            seenAccepted |= outcome == Outcome.Accepted;
            decider.Count(key, row.AsEarlier(), outcome);
        }
    }

    /// <summary>Decides one registration and returns its outcome as it stands after the re-check.</summary>
    private Outcome DecideRow(
        RecheckRow row, Candidate? candidate, string key, OrderedDecider decider, IReadOnlyDictionary<Guid, List<StoredFindingRef>> stored,
        RecheckCounts counts, RecheckResult result)
    {
        if (candidate is null)
        {
            counts.Unreadable++;
            return row.Outcome;
        }

        // A surname change is decided with the J-LIS answer stored with the registration: the registry's word at the time.
        if (decider.Decide(candidate, key, _ => StoredAnswers.Read(row.ResidentAnswerJson)) is not { } decided)
        {
            counts.NeedsJlis++;
            return row.Outcome;
        }

        var decision = decided.Decision;
        counts.Decided++;
        var storedHere = stored.TryGetValue(row.Id, out var list) ? list : [];
        var outcome = row.Outcome;
        var raised = new HashSet<FindingIdentity>();
        foreach (var raisedFinding in decision.Findings)
        {
            if (suppressions.Apply(row.Id, raisedFinding) is not { } finding)
            {
                counts.DismissedKept++;
                continue;
            }

            var identity = FindingIdentity.Of(row.Id, finding);
            raised.Add(identity);
            result.Raised[identity] = row.InsurerNumber;
            var existing = storedHere.Find(s => s.Identity == identity);
            if (existing is not null)
            {
                if (existing.Status == FindingStatuses.Dismissed)
                {
                    counts.DismissedKept++;
                }
                else
                {
                    counts.AlreadyRecorded++;
                }

                continue;
            }

            counts.NewFindings++;
            if (outcome == Outcome.Accepted)
            {
                counts.OutcomesChanged++;
            }

            result.New.Add(new NewFinding(row, identity, finding, decision, candidate.PersonalNumber!.Value.Masked, outcome == Outcome.Accepted));
            outcome = Outcome.Suspected;
        }

        foreach (var gone in storedHere.Where(s => s.RuleId.StartsWith("history.", StringComparison.Ordinal)
                     && s.Status != FindingStatuses.Dismissed && !raised.Contains(s.Identity)))
        {
            counts.NoLongerRaised++;
            result.NoLongerRaised.Add(gone);
        }

        return outcome;
    }

    private Candidate? ReadCandidate(RecheckRow row)
    {
        PersonalNumber number;
        try
        {
            var parsed = PersonalNumber.Parse(protector.Decrypt(row.NumberCipher, PersonalDataBinding.Registration(row.InsurerNumber, row.RegistrationId)));
            if (!parsed.IsValid)
            {
                return null;
            }

            number = parsed.Value;
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (!_names.TryGetValue(row.KanaName, out var name))
        {
            var parsed = KanaName.Parse(row.KanaName);
            if (!parsed.IsValid)
            {
                return null;
            }

            if (_names.Count > 100_000)
            {
                _names.Clear();
            }

            _names[row.KanaName] = name = parsed.Value;
        }

        return new Candidate(row.InsurerNumber, row.RegistrationId, row.BatchId, number, row.BirthDate, name, row.Sex,
            row.CardSymbol, row.CardNumber, row.BranchNumber, row.QualificationDate);
    }
}
