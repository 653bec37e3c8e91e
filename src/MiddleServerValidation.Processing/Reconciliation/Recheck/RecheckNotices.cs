using System.Security.Cryptography;
using System.Text;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Processing.Reconciliation.Recheck;

/// <summary>
/// The notice an insurer gets about a finding the re-check raised on its own record: the outcome and its
/// reasons, which speak of the insurer's record only, never of the registration it conflicts with.
/// </summary>
internal static class RecheckNotices
{
    public static OutboxNotice Create(NewFinding found, DateTimeOffset now)
    {
        var row = found.Row;
        var notice = NoticeFactory.Create(
            row.InsurerNumber, row.RegistrationId, row.BatchId, found.Decision.Outcome, found.Decision.Reasons, found.PersonalNumberMasked, now)
            with { NoticeId = IdOf(row.InsurerNumber, row.RegistrationId, found.Identity) };
        return new OutboxNotice
        {
            NoticeId = notice.NoticeId,
            RegistrationId = row.Id,
            InsurerNumber = row.InsurerNumber,
            Outcome = notice.Outcome,
            PayloadJson = NoticeFactory.ToJson(notice),
            CreatedAt = now,
        };
    }

    /// <summary>
    /// One id per finding: the registration may already have had a notice with its outcome (a Suspected one
    /// gaining a second finding), and the same finding always gives the same id.
    /// </summary>
    public static Guid IdOf(string insurerNumber, string registrationId, FindingIdentity identity)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(
            $"reconciliation-notice\n{insurerNumber}\n{registrationId}\n{identity.Code}\n{identity.ConflictingIds}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8, as NoticeFactory's ids
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
