using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Audit;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// What failed and refused sign-ins leave in the append-only audit log, where nothing can be taken out again. Anyone
/// can type anything into the sign-in form, so a name no account has is recorded as a fixed label with a keyed
/// fingerprint (the same name always gives the same one; only the key's holder could test a guess), and one client
/// address adds at most <see cref="SignInThrottleOptions.MaxAuditedFailuresPerClient"/> such rows per window. Every
/// attempt is still kept in <c>sign_in_attempts</c>, where the throttle counts it.
/// </summary>
public sealed class SignInAudit(
    ValidationDbContext db, AuditLog audit, StaffAccounts accounts, SignInThrottle throttle,
    IOptions<SignInThrottleOptions> options, IOptions<ConsoleKeys> keys, TimeProvider clock)
{
    private const string CapReachedNote = "（この接続元からのサインイン失敗の記録が上限に達したため、しばらく記録を省略します）";

    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>The name as the audit log may show it: as typed when an account has it, else label and fingerprint.</summary>
    public async Task<string> ActorAsync(string typedName, CancellationToken cancellationToken) =>
        await accounts.ExistsAsync(typedName, cancellationToken) ? typedName : $"（未登録の名前 {Fingerprint(typedName)}）";

    /// <summary>
    /// Adds the row to the context's pending changes unless this address has used up its share. Call under the
    /// address's lock (<see cref="SignInThrottle"/>) in the transaction that saves the row, so the count holds.
    /// </summary>
    public async Task AddFailureAsync(string actor, string action, string details, string? clientAddress, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - _options.Window;
        var written = await db.Set<AuditEntry>().CountAsync(e => e.ClientAddress == clientAddress && e.OccurredAt > since
            && (e.Action == AuditActions.SignInFailed || e.Action == AuditActions.SignInThrottled), cancellationToken);
        if (written >= _options.MaxAuditedFailuresPerClient)
        {
            return;
        }

        audit.Add(actor, null, action, null, written == _options.MaxAuditedFailuresPerClient - 1 ? details + CapReachedNote : details);
    }

    /// <summary>A failure outside a local sign-in (the OpenID Connect callback): its own transaction and lock.</summary>
    public async Task WriteFailureAsync(string actor, string details, string? clientAddress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await throttle.LockClientAsync(clientAddress, cancellationToken);
        await AddFailureAsync(actor, AuditActions.SignInFailed, details, clientAddress, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private string Fingerprint(string typedName) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(keys.Value.AuditNameKey!), Encoding.UTF8.GetBytes(typedName))[..6]);
}
