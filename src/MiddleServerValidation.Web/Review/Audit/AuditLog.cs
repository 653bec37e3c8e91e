using System.Security.Claims;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review.Authentication;

namespace MiddleServerValidation.Web.Review.Audit;

/// <summary>Writes the audit log: who did what, when, to which case, and from where.</summary>
public sealed class AuditLog(ValidationDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxActorLength = 200;

    /// <summary>Adds an entry to the context's pending changes: it commits with the decision it records, or not at all.</summary>
    public void Add(ClaimsPrincipal user, string action, Guid? findingId, string details) =>
        Add(user.UserName(), user.StaffRole(), action, findingId, details);

    public void Add(string actor, string? role, string action, Guid? findingId, string details) =>
        db.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor,
            ActorRole = role,
            Action = action,
            FindingId = findingId,
            Details = details,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    public Task WriteAsync(ClaimsPrincipal user, string action, Guid? findingId, string details, CancellationToken cancellationToken) =>
        WriteAsync(user.UserName(), user.StaffRole(), action, findingId, details, cancellationToken);

    public async Task WriteAsync(string actor, string? role, string action, Guid? findingId, string details, CancellationToken cancellationToken)
    {
        Add(actor, role, action, findingId, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
