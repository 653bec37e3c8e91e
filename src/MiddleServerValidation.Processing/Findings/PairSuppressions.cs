using MiddleServerValidation.Domain.CrossCheck;
using Npgsql;

namespace MiddleServerValidation.Processing.Findings;

/// <summary>
/// The review console's 理由付き疑いなし per pair of records (<c>finding_suppressions</c>, written when a case is
/// dismissed, lifted when it is reopened): a finding's code is not raised again for a registration and another
/// record it was dismissed against, in either order. A re-check that finds a registration against several others
/// raises only the pairs not dismissed; one whose pairs are all dismissed is not raised at all. Loaded once per
/// step: dismissals are few next to registrations.
/// </summary>
public sealed class PairSuppressions
{
    private readonly HashSet<(string Code, Guid Registration, Guid? Other)> _active;

    private PairSuppressions(HashSet<(string, Guid, Guid?)> active) => _active = active;

    public int Count => _active.Count;

    public static async Task<PairSuppressions> LoadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT code, registration_id, other_registration_id FROM finding_suppressions WHERE lifted_at IS NULL", connection);
        var active = new HashSet<(string, Guid, Guid?)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            active.Add((reader.GetString(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        }

        return new PairSuppressions(active);
    }

    /// <summary>The finding with its dismissed pairs left out; null when nothing of it is left to raise.</summary>
    public Finding? Apply(Guid registrationId, Finding finding)
    {
        if (_active.Count == 0)
        {
            return finding;
        }

        var code = finding.Code.ToString();
        if (finding.ConflictingRegistrationIds.Count == 0)
        {
            return _active.Contains((code, registrationId, null)) ? null : finding;
        }

        var dismissed = finding.ConflictingRegistrationIds
            .Where(other => _active.Contains((code, registrationId, other)) || _active.Contains((code, other, registrationId)))
            .ToHashSet();
        if (dismissed.Count == 0)
        {
            return finding;
        }

        var left = finding.ConflictingRegistrationIds.Where(other => !dismissed.Contains(other)).ToList();
        return left.Count == 0
            ? null
            : finding with
            {
                ConflictingRegistrationIds = left,
                Differences = finding.Differences.Where(d => !dismissed.Any(other => d.Source == $"registration:{other}")).ToList(),
            };
    }
}
