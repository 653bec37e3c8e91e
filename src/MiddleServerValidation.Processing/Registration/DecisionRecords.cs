using System.Text.Json;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Processing.Registration;

/// <summary>Turns a decision into what is stored beside its registration: findings and the notice.</summary>
internal static class DecisionRecords
{
    public static string ReasonsJson(IReadOnlyList<Reason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(NoticeFactory.ToNoticeReason), NoticeFactory.Json);

    public static IEnumerable<StoredFinding> Findings(Guid registrationId, string insurerNumber, Decision decision, DateTimeOffset now) =>
        decision.Findings.Select(finding => new StoredFinding
        {
            Id = Guid.CreateVersion7(),
            RegistrationId = registrationId,
            InsurerNumber = insurerNumber,
            Code = finding.Code.ToString(),
            RuleId = finding.RuleId,
            RuleSetVersion = finding.RuleSetVersion,
            DifferencesJson = JsonSerializer.Serialize(finding.Differences, NoticeFactory.Json),
            ConflictingRegistrationIds = finding.ConflictingRegistrationIds.ToArray(),
            Status = FindingStatuses.Open,
            CreatedAt = now,
        });

    public static OutboxNotice Notice(
        Guid registrationId, string insurerNumber, string registrationKey, string? batchId,
        Outcome outcome, IReadOnlyList<Reason> reasons, string? personalNumberMasked, DateTimeOffset now)
    {
        var notice = NoticeFactory.Create(insurerNumber, registrationKey, batchId, outcome, reasons, personalNumberMasked, now);
        return new OutboxNotice
        {
            NoticeId = notice.NoticeId,
            RegistrationId = registrationId,
            InsurerNumber = insurerNumber,
            Outcome = notice.Outcome,
            PayloadJson = NoticeFactory.ToJson(notice),
            CreatedAt = now,
        };
    }
}
