using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// Refuses sign-in for a while after repeated failures, per user name and per client address. Attempts are kept
/// in the database, so a restart or another web instance does not reset the count. A refused attempt counts as a
/// failure: hammering on keeps the door shut.
/// </summary>
public sealed class SignInThrottle(ValidationDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    // Two-integer advisory locks, a key space apart from the per-number bigint locks; classes of their own.
    private const int UserNameLocks = 0x6D737601;
    private const int ClientLocks = 0x6D737602;

    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>
    /// Takes this name's and this address's locks until the caller's transaction ends (on every web instance: they
    /// are PostgreSQL's), so that counting the failures, checking the password and recording the attempt happen one
    /// attempt at a time: concurrent attempts cannot all pass the count before any of them is recorded. Always name
    /// first, then address, so two attempts never wait for each other in a circle.
    /// </summary>
    public async Task LockAsync(string userName, string? clientAddress, CancellationToken cancellationToken)
    {
        await LockAsync(UserNameLocks, userName, cancellationToken);
        await LockClientAsync(clientAddress, cancellationToken);
    }

    /// <summary>This address's lock alone, until the caller's transaction ends.</summary>
    public Task LockClientAsync(string? clientAddress, CancellationToken cancellationToken) =>
        LockAsync(ClientLocks, clientAddress ?? "", cancellationToken);

    /// <summary>Until when sign-in is refused for this name or address, or null when it may be tried.</summary>
    public async Task<DateTimeOffset?> RefusedUntilAsync(string userName, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - _options.Window;
        var attempts = db.Set<SignInAttempt>().AsNoTracking();

        var lastSuccess = await attempts
            .Where(a => a.UserName == userName && a.Result == SignInResults.Succeeded && a.AttemptedAt > since)
            .MaxAsync(a => (DateTimeOffset?)a.AttemptedAt, cancellationToken);
        var from = lastSuccess ?? since;
        var userFailures = await Failures(attempts.Where(a => a.UserName == userName && a.AttemptedAt > from), cancellationToken);
        var refused = Until(userFailures, _options.MaxFailuresPerUser, now);

        if (clientAddress is not null)
        {
            var clientFailures = await Failures(attempts.Where(a => a.ClientAddress == clientAddress && a.AttemptedAt > since), cancellationToken);
            var clientRefused = Until(clientFailures, _options.MaxFailuresPerClient, now);
            if (clientRefused > refused || refused is null)
            {
                refused = clientRefused;
            }
        }

        return refused;
    }

    public void Record(string userName, string? clientAddress, string result) =>
        db.Add(new SignInAttempt { UserName = userName, ClientAddress = clientAddress, Result = result, AttemptedAt = clock.GetUtcNow() });

    // Names that share a hash only share a lock: an attempt may wait for another's, never count it.
    private Task LockAsync(int lockClass, string key, CancellationToken cancellationToken)
    {
        var lockObject = BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockClass}, {lockObject})", cancellationToken);
    }

    private static async Task<(int Count, DateTimeOffset? Last)> Failures(IQueryable<SignInAttempt> attempts, CancellationToken cancellationToken)
    {
        var failures = attempts.Where(a => a.Result != SignInResults.Succeeded);
        var summary = await failures.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(a => a.AttemptedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return summary is null ? (0, null) : (summary.Count, summary.Last);
    }

    private DateTimeOffset? Until((int Count, DateTimeOffset? Last) failures, int limit, DateTimeOffset now) =>
        failures.Count >= limit && failures.Last + _options.Lockout is { } until && until > now ? until : null;
}
