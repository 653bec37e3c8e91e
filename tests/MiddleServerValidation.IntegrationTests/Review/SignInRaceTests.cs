using System.Net;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// The sign-in throttle under concurrent attempts (its own class and database: the flood of failures from this
/// machine's address would throttle other classes' sign-ins).
/// </summary>
public sealed class SignInRaceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const int Attempts = 40;
    private const int MaxFailuresPerUser = 5;

    [Fact]
    public async Task Forty_concurrent_wrong_passwords_for_one_user_check_the_password_at_most_the_limit()
    {
        await fixture.AddStaffAsync("raced");
        var web = await fixture.StartWebAsync(new Dictionary<string, string?>
        {
            ["Console:SignIn:MaxFailuresPerUser"] = MaxFailuresPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The per-address limit out of the way: this is about one user name.
            ["Console:SignIn:MaxFailuresPerClient"] = "1000",
        });
        using var client = new ConsoleClient(new Uri(web.Urls.First()));
        var token = await client.TokenAsync("/Account/SignIn");

        var responses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i => client.PostAsync("/Account/SignIn", new()
        {
            ["UserName"] = "raced", ["Password"] = $"wrong password {i}", ["__RequestVerificationToken"] = token,
        })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await using var db = fixture.CreateDbContext();
        var results = await db.Set<SignInAttempt>().Where(a => a.UserName == "raced")
            .GroupBy(a => a.Result).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(MaxFailuresPerUser, results.GetValueOrDefault(SignInResults.Failed));
        Assert.Equal(Attempts - MaxFailuresPerUser, results.GetValueOrDefault(SignInResults.Throttled));
        Assert.Equal(MaxFailuresPerUser, await db.Set<AuditEntry>().CountAsync(a => a.Actor == "raced" && a.Action == AuditActions.SignInFailed));
    }
}
