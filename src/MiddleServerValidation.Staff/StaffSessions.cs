using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;

namespace MiddleServerValidation.Staff;

/// <summary>
/// Console sessions as records: started at sign-in, resumed on every request, ended by sign-out, by disabling the
/// account, by a role change or by an operator. The caller holds only the token; the database only its hash.
/// </summary>
public sealed class StaffSessions(ValidationDbContext db, TimeProvider clock)
{
    private const int TokenBytes = 32;

    /// <summary>Starts a session; returns the token the sign-in cookie carries.</summary>
    public async Task<string> StartAsync(
        string userName, string displayName, string role, string method, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        db.Add(new StaffSession
        {
            Id = Guid.CreateVersion7(),
            TokenHash = HashOf(token),
            UserName = userName,
            DisplayName = displayName,
            Role = StaffRoles.Parse(role) ?? throw new ArgumentException("Not a console role.", nameof(role)),
            Method = method,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            LastSeenAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The session this token opens now, or why not: never started, ended, past its absolute lifetime, idle for longer
    /// than <paramref name="idleTimeout"/>, or — for a local account — disabled or given another role since (the session
    /// is then ended for good).
    /// </summary>
    public async Task<SessionResumption> ResumeAsync(string token, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        var session = await db.Set<StaffSession>().AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null)
        {
            return SessionResumption.Refused(null, "unknown");
        }

        if (session.RevokedAt is not null)
        {
            return SessionResumption.Refused(session, "ended");
        }

        if (now >= session.ExpiresAt)
        {
            return SessionResumption.Refused(session, "expired");
        }

        if (now - session.LastSeenAt > idleTimeout)
        {
            return SessionResumption.Refused(session, "idle");
        }

        if (session.Method == StaffSignInMethods.Local)
        {
            var account = await db.Set<StaffAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.UserName == session.UserName, cancellationToken);
            var reason = account is null || account.DisabledAt is not null ? SessionEndReasons.AccountDisabled
                : account.Role != session.Role ? SessionEndReasons.RoleChanged
                : null;
            if (reason is not null)
            {
                await EndAsync(db.Set<StaffSession>().Where(s => s.Id == session.Id), reason, cancellationToken);
                return SessionResumption.Refused(session, reason);
            }

            session.DisplayName = account!.DisplayName;
        }

        // Written now and then rather than on every request; the idle check allows for the lag.
        if (now - session.LastSeenAt >= TouchInterval(idleTimeout))
        {
            await db.Set<StaffSession>().Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        return new SessionResumption(session, null);
    }

    /// <summary>Ends the session of this token (sign-out). Ending an ended session changes nothing.</summary>
    public Task<int> EndAsync(string token, string reason, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        return EndAsync(db.Set<StaffSession>().Where(s => s.TokenHash == hash), reason, cancellationToken);
    }

    /// <summary>Ends every open session of this user; returns how many there were.</summary>
    public Task<int> EndAllAsync(string userName, string reason, CancellationToken cancellationToken) =>
        EndAsync(db.Set<StaffSession>().Where(s => s.UserName == userName), reason, cancellationToken);

    private Task<int> EndAsync(IQueryable<StaffSession> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return sessions.Where(s => s.RevokedAt == null).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
    }

    // last_seen_at lags by at most this: a tenth of the idle timeout, at most a minute.
    private static TimeSpan TouchInterval(TimeSpan idleTimeout) => TimeSpan.FromTicks(Math.Min(idleTimeout.Ticks / 10, TimeSpan.TicksPerMinute));

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}

/// <summary>The session a token resumed, or (with <see cref="Refusal"/>) the one it named but may not resume, if any.</summary>
public sealed record SessionResumption(StaffSession? Session, string? Refusal)
{
    public bool Resumed => Refusal is null;

    public static SessionResumption Refused(StaffSession? session, string refusal) => new(session, refusal);
}
