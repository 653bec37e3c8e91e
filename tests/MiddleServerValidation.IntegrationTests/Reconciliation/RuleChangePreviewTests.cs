using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Reconciliation.DryRun;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary><c>reconcile --dry-run --rules VERSION</c>: what switching on a version would change, with nothing written.</summary>
public sealed class RuleChangePreviewTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task The_draft_version_shows_the_sex_mismatches_it_adds_and_the_case_it_changes_without_writing_them()
    {
        // The draft adds a check against history; under the old policy J-LIS does not catch the same records first.
        await using var host = await ReconciliationTestHost.StartAsync(fixture, new Dictionary<string, string?> { ["Processing:JlisCheck"] = "WithoutHistory" });
        var number = ReconciliationFixture.Resident(10);
        // Through the registration path under 2026.11.1: the second is a history match (sex is not compared),
        // the third a birthdate mismatch against both earlier ones.
        await host.RegisterAsync(TestData.Registration("FIRST", number, "1990-01-01", "シカク ハナコ") with { Sex = "2" });
        await host.RegisterAsync(TestData.Registration("OTHER-SEX", number, "1990-01-01", "シカク ハナコ", TestData.InsurerB) with { Sex = "1" });
        await host.RegisterAsync(TestData.Registration("OTHER-DAY", number, "1990-01-02", "シカク ハナコ") with { Sex = "2" });
        await using var db = fixture.CreateDbContext();
        Assert.Equal("Accepted", (await db.Registrations.SingleAsync(r => r.RegistrationId == "OTHER-SEX")).Outcome);
        var before = await StateAsync();
        var preview = host.Services.GetRequiredService<RuleChangePreview>();

        var diff = await preview.PreviewAsync(RuleSets.V2026_12_1, null, CancellationToken.None);

        Assert.Equal(("2026.11.1", "2026.12.1", 1L), (diff.CurrentVersion, diff.ProposedVersion, diff.Numbers));
        Assert.Equal(
            [
                new RuleChangeRow(TestData.InsurerB, "SexMismatch", 1, 0, 0),
                // The other-sex record leaves the history, so the later record now conflicts with the first one only: a new case replaces the old one.
                new RuleChangeRow(TestData.InsurerA, "BirthDateMismatch", 1, 1, 0),
            ],
            diff.Rows.OrderBy(r => r.Code == "BirthDateMismatch").ToList());
        Assert.Equal((2, 1, 0), (diff.Added, diff.Disappearing, diff.CurrentUnrecorded));
        Assert.Equal(before, await StateAsync());
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM reconciliation_runs WHERE trigger = 'DryRun' AND rule_set_version = '2026.12.1' AND status = 'Succeeded'"));

        var same = await preview.PreviewAsync(RuleSets.Current, null, CancellationToken.None);

        Assert.Equal((0, 0, 0), (same.Added, same.Disappearing, same.CurrentUnrecorded));
    }

    private async Task<string> StateAsync() => string.Join("|",
        await fixture.CountAsync("SELECT count(*) FROM findings"),
        await fixture.CountAsync("SELECT count(*) FROM notices"),
        await TestSql.ScalarAsync<string>(fixture.ConnectionString, "SELECT string_agg(registration_id || '=' || outcome, ',' ORDER BY registration_id) FROM registrations"));
}
