using System.Net;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>Signing in with a local account: throttling per user and per address, and disabled accounts.</summary>
public sealed class SignInTests(ReviewConsoleFixture fixture) : IClassFixture<ReviewConsoleFixture>
{
    [Fact]
    public async Task Sign_in_is_refused_for_a_while_after_repeated_failures_even_with_the_right_password()
    {
        await AddAccountAsync("locked.out");
        using var client = new ConsoleClient(fixture.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SignInAsync("locked.out", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("ユーザー名またはパスワードが正しくありません。", await failed.Content.ReadAsStringAsync());
        }

        var refused = await client.SignInAsync("locked.out", ReviewConsoleFixture.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("サインインの失敗が続いたため、一時的にサインインを停止しています。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Cases")).StatusCode);
        await using var db = fixture.CreateDbContext();
        var results = await db.Set<SignInAttempt>().Where(a => a.UserName == "locked.out").OrderBy(a => a.Id).Select(a => a.Result).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat(SignInResults.Failed, 5), SignInResults.Throttled], results);
        Assert.Equal(5, await db.Set<AuditEntry>().CountAsync(a => a.Actor == "locked.out" && a.Action == AuditActions.SignInFailed));
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(a => a.Actor == "locked.out" && a.Action == AuditActions.SignInThrottled));
    }

    [Fact]
    public async Task Failures_from_one_address_under_many_names_are_throttled_and_the_lockout_ends()
    {
        await AddAccountAsync("client.throttle");
        await using var web = WebApp.Build([], builder => fixture.Configure(builder, new Dictionary<string, string?>
        {
            ["Console:SignIn:MaxFailuresPerClient"] = "3",
            ["Console:SignIn:Window"] = "00:00:03",
            ["Console:SignIn:Lockout"] = "00:00:03",
        }));
        await web.StartAsync();
        using var client = new ConsoleClient(new Uri(web.Urls.First()));
        foreach (var name in new[] { "guess.one", "guess.two", "guess.three" })
        {
            await client.SignInAsync(name, "guess");
        }

        var refused = await client.SignInAsync("client.throttle", ReviewConsoleFixture.Password);
        Assert.Contains("一時的にサインインを停止しています", await refused.Content.ReadAsStringAsync());

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("client.throttle", ReviewConsoleFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Cases")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session()
    {
        await AddAccountAsync("leaver");
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync("leaver", ReviewConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Cases")).StatusCode);

        await using (var db = fixture.CreateDbContext())
        {
            Assert.True(await new StaffAccounts(db, TimeProvider.System).DisableAsync("leaver", default));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Cases")).StatusCode);
        Assert.Contains("ユーザー名またはパスワードが正しくありません。",
            await (await client.SignInAsync("leaver", ReviewConsoleFixture.Password)).Content.ReadAsStringAsync());
    }

    private async Task AddAccountAsync(string userName)
    {
        await using var db = fixture.CreateDbContext();
        await new StaffAccounts(db, TimeProvider.System).AddAsync(userName, userName, StaffRoles.Reviewer, ReviewConsoleFixture.Password, default);
    }
}
