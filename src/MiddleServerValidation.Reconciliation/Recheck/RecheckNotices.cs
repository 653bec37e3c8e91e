using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// The notice an insurer gets about a finding the re-check raised on its own record: the outcome and its
/// reasons, which speak of the insurer's record only, never of the registration it conflicts with.
/// </summary>
internal static class RecheckNotices
{
    public static OutboxNotice Create(NewFinding found, DateTimeOffset now)
    {
        var row = found.Row;
        var notice = NoticeOutbox.Notice(
            row.InsurerNumber, row.RegistrationId, row.BatchId, found.Decision.Outcome, found.Decision.Reasons, found.PersonalNumberMasked, now,
            NoticeIds.OfRecheckFinding(row.InsurerNumber, row.RegistrationId, found.Identity.Code, found.Identity.ConflictingIds));
        return NoticeOutbox.Row(row.Id, notice, now);
    }
}
