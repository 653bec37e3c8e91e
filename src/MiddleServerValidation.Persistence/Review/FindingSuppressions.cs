using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.Persistence.Review;

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
}
