using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// What failed sign-ins leave in the append-only audit log: no text an anonymous visitor chose, and no more than a
/// bounded number of rows per address (its own class and database, so the counts are this test's alone).
/// </summary>
public sealed class SignInAuditTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const int AuditCap = 5;
    private const int Flood = 20;

    [Fact]
    public async Task An_unknown_user_name_is_not_written_to_the_audit_log_and_a_flood_adds_at_most_the_cap()
    {
        const string chosen = "監査ログに残したい任意の文字列<script>";
        const string other = "another-made-up-name";
        var web = await fixture.StartWebAsync(new Dictionary<string, string?>
        {
            ["Console:SignIn:MaxFailuresPerClient"] = "3",
            ["Console:SignIn:MaxAuditedFailuresPerClient"] = AuditCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = new ConsoleClient(new Uri(web.Urls.First()));

        await client.SignInAsync(chosen, "whatever password");
        await client.SignInAsync(other, "whatever password");
        for (var i = 2; i < Flood; i++)
        {
            await client.SignInAsync(chosen, "whatever password");
        }

        await using var db = fixture.CreateDbContext();
        var audited = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == AuditActions.SignInFailed || a.Action == AuditActions.SignInThrottled)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.DoesNotContain(audited, a => a.Actor.Contains("監査ログ", StringComparison.Ordinal) || a.Details.Contains("監査ログに残したい", StringComparison.Ordinal));
        Assert.DoesNotContain(audited, a => a.Actor.Contains(other, StringComparison.Ordinal) || a.Details.Contains(other, StringComparison.Ordinal));
        // The same unknown name is recognisable across rows, a different one is told apart, neither can be read.
        Assert.Equal(audited[0].Actor, audited[2].Actor);
        Assert.NotEqual(audited[0].Actor, audited[1].Actor);
        Assert.Equal(AuditCap, audited.Count);
        // The attempts themselves all count for the throttle.
        Assert.Equal(Flood, await db.Set<SignInAttempt>().CountAsync(a => a.ClientAddress == "127.0.0.1"));
    }
}
