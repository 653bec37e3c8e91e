using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Review;

namespace MiddleServerValidation.Processing.Findings;

/// <summary>
/// What later checks ask before raising a finding again. The finding's own identity (registration, code,
/// conflicting registrations) is covered by <c>findings.status = 'Dismissed'</c>; this answers per pair, so a
/// re-check that finds the same registration against several others re-raises only the pairs not dismissed.
/// </summary>
public static class FindingSuppressions
{
    /// <summary>
    /// The subset of <paramref name="others"/> whose pair with <paramref name="registrationId"/> is dismissed for
    /// <paramref name="code"/>, in either order. For a J-LIS finding pass no others and test <c>Contains(null)</c>.
    /// </summary>
    public static async Task<HashSet<Guid?>> SuppressedAsync(
        ValidationDbContext db, string code, Guid registrationId, IReadOnlyCollection<Guid> others, CancellationToken cancellationToken)
    {
        var active = db.Set<FindingSuppression>().AsNoTracking().Where(s => s.Code == code && s.LiftedAt == null);
        var forward = await active.Where(s => s.RegistrationId == registrationId
                && (s.OtherRegistrationId == null || others.Contains(s.OtherRegistrationId.Value)))
            .Select(s => s.OtherRegistrationId).ToListAsync(cancellationToken);
        var backward = await active.Where(s => s.OtherRegistrationId == registrationId && others.Contains(s.RegistrationId))
            .Select(s => (Guid?)s.RegistrationId).ToListAsync(cancellationToken);
        return [.. forward, .. backward];
    }

    /// <summary>
    /// Suppresses the finding's code for each pair of records it names (a J-LIS finding names none: its pair is
    /// the record and nothing), within the caller's transaction. A pair already suppressed stays as it is.
    /// </summary>
    public static async Task AddAsync(
        ValidationDbContext db, StoredFinding finding, string category, string reason, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Guid?[] others = finding.ConflictingRegistrationIds.Length == 0 ? [null] : [.. finding.ConflictingRegistrationIds.Select(id => (Guid?)id)];
        foreach (var other in others)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO finding_suppressions (code, registration_id, other_registration_id, finding_id, reason_category, reason, created_by, created_at)
                VALUES ({finding.Code}, {finding.RegistrationId}, {other}, {finding.Id}, {category}, {reason}, {actor}, {now})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
    }

    /// <summary>Lifts the finding's active suppressions (kept, with who lifted them and when).</summary>
    public static Task<int> LiftAsync(ValidationDbContext db, Guid findingId, string actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<FindingSuppression>().Where(s => s.FindingId == findingId && s.LiftedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LiftedAt, now).SetProperty(x => x.LiftedBy, actor), cancellationToken);
}
