using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Processing.Notices;
using Npgsql;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// The notice an insurer gets when staff confirm the error: outcome Suspected, reasons <c>ReviewConfirmedError</c>
/// and the original reason as it was first sent. It speaks of the insurer's own record only. Its id is
/// deterministic per finding, distinct from the decision notice's, so a repeated confirmation sends nothing new.
/// </summary>
public sealed class ReviewNotices(ValidationDbContext db, CaseNumbers numbers)
{
    public static Guid IdOf(string insurerNumber, string registrationId, Guid findingId) =>
        NoticeIds.OfPurpose(insurerNumber, registrationId, $"review-confirmed:{findingId}");

    /// <summary>Writes the notice to the outbox in the caller's transaction (which wakes the dispatchers at commit); returns its id.</summary>
    public async Task<Guid> AddConfirmedAsync(StoredFinding finding, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registration = await db.Set<StoredRegistration>().AsNoTracking().SingleAsync(r => r.Id == finding.RegistrationId, cancellationToken);
        var id = IdOf(registration.InsurerNumber, registration.RegistrationId, finding.Id);
        if (await db.Set<OutboxNotice>().AnyAsync(n => n.NoticeId == id, cancellationToken))
        {
            // Confirmed, reopened and confirmed again: the insurer already has this notice.
            return id;
        }

        var original = JsonSerializer.Deserialize<List<NoticeReason>>(registration.ReasonsJson, StoredJson.Options) ?? [];
        var cause = original.FirstOrDefault(r => r.Code == finding.Code);
        List<Reason> reasons = [new Reason(ReasonCode.ReviewConfirmedError, cause?.Field, ReasonCatalog.MessageOf(ReasonCode.ReviewConfirmedError))];
        if (cause is not null && Enum.TryParse<ReasonCode>(cause.Code, out var code))
        {
            reasons.Add(new Reason(code, cause.Field, cause.Message));
        }

        var masked = registration.PersonalNumberCipher is null ? null : numbers.Masked(registration);
        var notice = NoticeOutbox.Notice(registration.InsurerNumber, registration.RegistrationId, registration.BatchId,
            Outcome.Suspected, reasons, masked, now, id);
        await NoticeOutbox.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), [NoticeOutbox.Row(registration.Id, notice, now)], cancellationToken);
        return id;
    }
}
