using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Authentication;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// Every console session is a record on the server: a cookie without one is refused even when it is sealed with the
/// host's own keys, and sign-out, disabling, a role change and the absolute lifetime end it for good.
/// </summary>
public sealed class SessionTests(ReviewConsoleFixture fixture) : IClassFixture<ReviewConsoleFixture>
{
    public static TheoryData<string, string, string, string?> ForgedCookies => new()
    {
        // What an external sign-in's cookie said before sessions were records: no account is behind it to re-check.
        { "intruder@example.lg.jp", StaffRoles.Supervisor, StaffClaims.ExternalMethod, null },
        // A real Supervisor's name, as a local sign-in would write it.
        { ReviewConsoleFixture.Supervisor, StaffRoles.Supervisor, StaffClaims.LocalMethod, null },
        // A session id guessed by the forger.
        { "intruder@example.lg.jp", StaffRoles.Supervisor, StaffClaims.ExternalMethod, StaffClaims.Session },
    };

    [Theory]
    [MemberData(nameof(ForgedCookies))]
    public async Task A_cookie_sealed_with_the_hosts_own_keys_for_a_session_the_server_never_started_is_refused(
        string userName, string role, string method, string? sessionClaim)
    {
        var principal = StaffClaims.Principal(userName, "侵入者", role, method);
        if (sessionClaim is not null)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(sessionClaim, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddMinutes(30) },
            CookieAuthenticationDefaults.AuthenticationScheme);
        var cookieFormat = fixture.Web.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        using var forger = new ConsoleClient(fixture.BaseAddress);
        forger.UseSignInCookie(cookieFormat.Protect(ticket));

        Assert.False(await forger.OpensAsync("/Cases"));
        Assert.False(await forger.OpensAsync($"/Cases/Detail/{await fixture.FindingOfAsync("A-0002")}"));
        Assert.False(await forger.OpensAsync("/Audit"));
    }

    [Fact]
    public async Task A_signed_out_cookie_replayed_gets_the_sign_in_page()
    {
        await fixture.AddStaffAsync("signs.out");
        using var client = await TestStaff.SignedInAsync(fixture.BaseAddress, "signs.out");
        var cookie = client.SignInCookie!;
        Assert.True(await client.OpensAsync("/Cases"));

        var token = await client.TokenAsync("/Account/SignOut");
        await client.PostAsync("/Account/SignOut", new() { ["__RequestVerificationToken"] = token });
        Assert.Null(client.SignInCookie);

        using var replay = new ConsoleClient(fixture.BaseAddress);
        replay.UseSignInCookie(cookie);
        Assert.False(await replay.OpensAsync("/Cases"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_for_good()
    {
        await fixture.AddStaffAsync("disabled.later");
        using var client = await TestStaff.SignedInAsync(fixture.BaseAddress, "disabled.later");
        var cookie = client.SignInCookie!;
        Assert.True(await client.OpensAsync("/Cases"));

        var disabled = await CliProcess.RunAsync(fixture, "staff", "disable", "disabled.later");
        Assert.Equal(0, disabled.ExitCode);
        Assert.False(await client.OpensAsync("/Cases"));

        // Enabled again (there is no command for it; an operator with database access could): the old session stays ended.
        await ExecuteAsync("UPDATE staff_accounts SET disabled_at = NULL WHERE user_name = 'disabled.later'");
        using var replay = new ConsoleClient(fixture.BaseAddress);
        replay.UseSignInCookie(cookie);
        Assert.False(await replay.OpensAsync("/Cases"));
    }

    [Fact]
    public async Task Changing_a_role_ends_the_users_open_session_and_the_next_sign_in_has_the_new_role()
    {
        await fixture.AddStaffAsync("promoted");
        await fixture.AddStaffAsync("bystander");
        using var client = await TestStaff.SignedInAsync(fixture.BaseAddress, "promoted");
        using var bystander = await TestStaff.SignedInAsync(fixture.BaseAddress, "bystander");
        var cookie = client.SignInCookie!;
        Assert.True(await client.OpensAsync("/Cases"));

        var changed = await CliProcess.RunAsync(fixture, "staff", "role", "promoted", "Supervisor");
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.False(await client.OpensAsync("/Cases"));
        Assert.True(await bystander.OpensAsync("/Cases"));

        // Back to the role the session was started with: it stays ended.
        Assert.Equal(0, (await CliProcess.RunAsync(fixture, "staff", "role", "promoted", "Reviewer")).ExitCode);
        using var replay = new ConsoleClient(fixture.BaseAddress);
        replay.UseSignInCookie(cookie);
        Assert.False(await replay.OpensAsync("/Cases"));

        Assert.Equal(0, (await CliProcess.RunAsync(fixture, "staff", "role", "promoted", "Supervisor")).ExitCode);
        using var again = await TestStaff.SignedInAsync(fixture.BaseAddress, "promoted");
        Assert.True(await again.OpensAsync("/Audit"));
    }

    [Fact]
    public async Task An_operator_ends_every_open_session_of_a_user_and_no_one_elses()
    {
        await fixture.AddStaffAsync("sent.home");
        await fixture.AddStaffAsync("stays.on");
        using var first = await TestStaff.SignedInAsync(fixture.BaseAddress, "sent.home");
        using var second = await TestStaff.SignedInAsync(fixture.BaseAddress, "sent.home");
        using var other = await TestStaff.SignedInAsync(fixture.BaseAddress, "stays.on");

        var ended = await CliProcess.RunAsync(fixture, "staff", "sign-out", "sent.home");

        Assert.True(ended.ExitCode == 0, ended.Output);
        Assert.Contains("（2件）", ended.Output);
        Assert.False(await first.OpensAsync("/Cases"));
        Assert.False(await second.OpensAsync("/Cases"));
        Assert.True(await other.OpensAsync("/Cases"));
        using var again = await TestStaff.SignedInAsync(fixture.BaseAddress, "sent.home");
        Assert.True(await again.OpensAsync("/Cases"));
    }

    [Fact]
    public async Task A_session_past_its_absolute_lifetime_is_refused_even_while_it_is_in_use()
    {
        await fixture.AddStaffAsync("long.day");
        var lifetime = TimeSpan.FromSeconds(6);
        var web = await fixture.StartWebAsync(new Dictionary<string, string?> { ["Console:SessionLifetime"] = "00:00:06" });
        var started = DateTimeOffset.UtcNow;
        using var client = await TestStaff.SignedInAsync(new Uri(web.Urls.First()), "long.day");

        // In use the whole time: a request every half second, well inside the idle timeout (and seconds inside the
        // lifetime, for a slow machine).
        while (DateTimeOffset.UtcNow - started < lifetime - TimeSpan.FromSeconds(3))
        {
            Assert.True(await client.OpensAsync("/Cases"));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await Task.Delay(lifetime - (DateTimeOffset.UtcNow - started) + TimeSpan.FromSeconds(0.5));
        Assert.False(await client.OpensAsync("/Cases"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
