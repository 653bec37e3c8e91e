using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>
/// The review console records 理由付き疑いなし per pair of records (<c>finding_suppressions</c>): a re-check that
/// finds the registration against the dismissed record and a new one raises the new pair only.
/// </summary>
public sealed class PairSuppressionTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task A_pair_dismissed_in_the_console_is_not_raised_again_when_the_registration_meets_another_record()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var number = TestData.PersonalNumber(67_000_001);
        var first = await store.AcceptedAsync(TestData.InsurerA, "PAIR-1", number, "1970-01-01", "シカク ヨウコ");
        var second = await store.AcceptedAsync(TestData.InsurerB, "PAIR-2", number, "1970-01-02", "シカク ヨウコ");
        await host.ReconcileAsync([ReconciliationSteps.Recheck]);
        await using var db = fixture.CreateDbContext();
        var dismissed = await db.Findings.AsNoTracking().SingleAsync(f => f.RegistrationId == second);
        await fixture.ExecuteAsync($"UPDATE findings SET status = 'Dismissed' WHERE id = '{dismissed.Id}'");
        await TestSql.ExecuteAsync(fixture.ConnectionString,
            "INSERT INTO finding_suppressions (code, registration_id, other_registration_id, finding_id, reason_category, reason, created_by, created_at) " +
            "VALUES ('BirthDateMismatch', @r, @o, @f, 'IdentityVerified', '本人確認書類で確認済み', 'reviewer', now())",
            ("r", second), ("o", first), ("f", dismissed.Id));
        // A record that had raced in between the two, consistent with the first one.
        var between = await store.AcceptedAsync(TestData.InsurerA, "PAIR-3", number, "1970-01-01", "シカク ヨウコ",
            decidedAt: RacedRegistrations.Start.AddSeconds(1.5));

        await host.ReconcileAsync([ReconciliationSteps.Recheck]);

        var onSecond = await db.Findings.AsNoTracking().Where(f => f.RegistrationId == second).OrderBy(f => f.CreatedAt).ToListAsync();
        Assert.Equal(2, onSecond.Count);
        Assert.Equal(FindingStatuses.Dismissed, onSecond[0].Status);
        Assert.Equal([first], onSecond[0].ConflictingRegistrationIds);
        // Raised against the new record only: the dismissed pair is not raised again inside a larger case.
        Assert.Equal(FindingStatuses.Open, onSecond[1].Status);
        Assert.Equal([between], onSecond[1].ConflictingRegistrationIds);
        Assert.DoesNotContain(first.ToString(), onSecond[1].DifferencesJson, StringComparison.Ordinal);
        Assert.Empty(await db.Findings.AsNoTracking().Where(f => f.RegistrationId == between).ToListAsync());
    }
}
