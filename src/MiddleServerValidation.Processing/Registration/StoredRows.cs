using System.Text.Json;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.ResidentLookups;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.Storage;

namespace MiddleServerValidation.Processing.Registration;

/// <summary>Decides one prepared registration and adds its rows to the chunk's write.</summary>
internal static class StoredRows
{
    public static RegistrationResult Add(
        ChunkWrite write, PreparedRegistration item, (string Insurer, string RegistrationId) key,
        Dictionary<string, List<EarlierRegistration>> history, ResidentAnswer? answer, PendingLookupSchedule schedule, DateTimeOffset now,
        bool writeNotice)
    {
        var message = item.Message;
        var registration = new StoredRegistration
        {
            Id = item.Id,
            InsurerNumber = key.Insurer,
            RegistrationId = key.RegistrationId,
            BatchId = item.BatchId,
            PersonalNumberKey = item.NumberKey,
            PersonalNumberCipher = item.NumberCipher,
            Outcome = nameof(Outcome.Rejected),
            ReasonsJson = "[]",
            RuleSetVersion = CrossCheckEngine.RuleSetVersion,
            ReceivedAt = now,
            DecidedAt = now,
        };

        Outcome outcome;
        IReadOnlyList<Reason> reasons;
        if (item.Candidate is { } candidate)
        {
            var earlier = candidate.PersonalNumber is null ? [] : RegistrationProcessor.HistoryOf(history, item.NumberKeyHex!);
            var decision = CrossCheckEngine.Decide(candidate, earlier, answer);
            (outcome, reasons) = (decision.Outcome, decision.Reasons);
            FillCandidate(registration, candidate);
            registration.ResidentAnswerJson = ResidentAnswers.ToJson(answer);
            write.Findings.AddRange(DecisionRecords.Findings(item.Id, key.Insurer, decision, now));
            if (outcome == Outcome.Accepted && candidate.PersonalNumber is not null)
            {
                // Later records of the same chunk see this one, as if they had arrived one by one.
                earlier.Add(RegistrationProcessor.AsEarlier(item));
            }

            if (outcome == Outcome.Pending)
            {
                write.Lookups.Add(new PendingResidentLookup
                {
                    RegistrationId = item.Id,
                    Status = ResidentLookupStatuses.Pending,
                    Attempts = 1,
                    NextAttemptAt = now + schedule.DelayAfter(1),
                    LastError = (answer as ResidentAnswer.Unavailable)?.Cause,
                    CreatedAt = now,
                });
            }
        }
        else
        {
            (outcome, reasons) = (Outcome.Rejected, item.Read.Problems);
            // The values as sent, except the personal number, which is only ever stored encrypted.
            // jsonb cannot hold U+0000, which a broken client may well send.
            registration.SubmittedJson = JsonSerializer.Serialize(message with { PersonalNumber = null }, NoticeFactory.Json)
                .Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
        }

        registration.Outcome = outcome.ToString();
        registration.ReasonsJson = DecisionRecords.ReasonsJson(reasons);
        write.Registrations.Add(registration);
        if (!writeNotice)
        {
            return new RegistrationResult(RegistrationResultKind.Decided, item.Id, registration.Outcome, null, reasons);
        }

        var notice = DecisionRecords.Notice(
            item.Id, key.Insurer, key.RegistrationId, item.BatchId, outcome, reasons, item.Candidate?.PersonalNumber?.Masked, now);
        write.Notices.Add(notice);
        return new RegistrationResult(RegistrationResultKind.Decided, item.Id, registration.Outcome, notice.NoticeId, reasons);
    }

    private static void FillCandidate(StoredRegistration registration, Candidate candidate)
    {
        registration.BirthDate = candidate.BirthDate;
        registration.KanaName = candidate.KanaName.Normalized;
        registration.Sex = candidate.Sex is { } sex ? (short)sex : null;
        registration.CardSymbol = candidate.CardSymbol;
        registration.CardNumber = candidate.CardNumber;
        registration.BranchNumber = candidate.BranchNumber;
        registration.QualificationDate = candidate.QualificationDate;
    }
}
