using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.ResidentLookups;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.ResidentLookups;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>What a decision becomes in the store: the registration row, its findings, a pending J-LIS lookup.</summary>
public static class DecisionRows
{
    public static StoredRegistration Registration(
        PreparedRegistration item, RegistrationKey key, Outcome outcome, IReadOnlyList<Reason> reasons, ResidentAnswer? answer, DateTimeOffset now)
    {
        var registration = new StoredRegistration
        {
            Id = item.Id,
            InsurerNumber = key.InsurerNumber,
            RegistrationId = key.RegistrationId,
            BatchId = item.BatchId,
            PersonalNumberKey = item.NumberKey,
            PersonalNumberCipher = item.NumberCipher,
            KanjiNameCipher = item.KanjiNameCipher,
            AddressCipher = item.AddressCipher,
            Outcome = outcome.ToString(),
            ReasonsJson = Notices.NoticeOutbox.ReasonsJson(reasons),
            ResidentAnswerJson = ResidentAnswers.ToJson(answer),
            RuleSetVersion = CrossCheckEngine.RuleSetVersion,
            ReceivedAt = now,
            DecidedAt = now,
        };
        if (item.Candidate is { } candidate)
        {
            registration.BirthDate = candidate.BirthDate;
            registration.KanaName = candidate.KanaName.Normalized;
            registration.Sex = candidate.Sex is { } sex ? (short)sex : null;
            registration.CardSymbol = candidate.CardSymbol;
            registration.CardNumber = candidate.CardNumber;
            registration.BranchNumber = candidate.BranchNumber;
            registration.QualificationDate = candidate.QualificationDate;
        }
        else
        {
            // The values as sent, except the personal number, kanji name and address, which are only ever stored encrypted; each cut to the longest a
            // field is read from. jsonb cannot hold U+0000, which a broken client may well send.
            registration.SubmittedJson = JsonSerializer.Serialize(Bounded(item.Message) with { PersonalNumber = null, KanjiName = null, Address = null }, StoredJson.Options)
                .Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
        }

        return registration;
    }

    private static RegisterEnrollee Bounded(RegisterEnrollee m) => m with
    {
        RegistrationId = Cut(m.RegistrationId), InsurerNumber = Cut(m.InsurerNumber), BirthDate = Cut(m.BirthDate), KanaName = Cut(m.KanaName),
        Sex = Cut(m.Sex), CardSymbol = Cut(m.CardSymbol), CardNumber = Cut(m.CardNumber), BranchNumber = Cut(m.BranchNumber),
        QualificationDate = Cut(m.QualificationDate), BatchId = Cut(m.BatchId),
    };

    private static string? Cut(string? value) =>
        value is { Length: > RegistrationReader.MaxFieldLength } ? value[..RegistrationReader.MaxFieldLength] + "…" : value;

    public static IEnumerable<StoredFinding> Findings(Guid registrationId, string insurerNumber, IEnumerable<Finding> findings, DateTimeOffset now) =>
        findings.Select(finding => new StoredFinding
        {
            Id = Guid.CreateVersion7(),
            RegistrationId = registrationId,
            InsurerNumber = insurerNumber,
            Code = finding.Code.ToString(),
            RuleId = finding.RuleId,
            RuleSetVersion = finding.RuleSetVersion,
            DifferencesJson = JsonSerializer.Serialize(finding.Differences, StoredJson.Options),
            ConflictingRegistrationIds = finding.ConflictingRegistrationIds.ToArray(),
            Status = FindingStatuses.Open,
            CreatedAt = now,
        });

    /// <summary>A lookup to ask J-LIS again, for a registration left Pending because J-LIS could not answer.</summary>
    public static PendingResidentLookup PendingLookup(Guid registrationId, ResidentAnswer? answer, PendingLookupSchedule schedule, DateTimeOffset now) => new()
    {
        RegistrationId = registrationId,
        Status = ResidentLookupStatuses.Pending,
        Attempts = 1,
        NextAttemptAt = now + schedule.DelayAfter(1),
        LastError = (answer as ResidentAnswer.Unavailable)?.Cause,
        CreatedAt = now,
    };
}
