using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Web.Review.Display;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>Who may open what: sign-in redirects, anti-forgery, roles, API keys, the audit log and its export, the queue.</summary>
public sealed class AccessTests(ReviewConsoleFixture fixture) : IClassFixture<ReviewConsoleFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Cases")]
    [InlineData("/Cases/Detail/01a1fe26-cfb6-79f9-b506-959e69f93ccb")]
    [InlineData("/Audit")]
    [InlineData("/Audit?handler=Csv")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = new ConsoleClient(fixture.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Health_endpoints_and_the_stylesheet_need_no_sign_in()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/console.css")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_anti_forgery_token_is_refused()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Reviewer, ReviewConsoleFixture.Password);
        var id = await fixture.FindingOfAsync("R-01");

        var response = await client.PostAsync($"/Cases/Detail/{id}?handler=Dismiss", new()
        {
            ["Form.ExpectedStatus"] = FindingStatuses.Open, ["Form.Category"] = "Other", ["Form.Reason"] = "トークンなし",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(FindingStatuses.Open, (await fixture.FindingAsync(id)).Status);
        // Nor does the sign-in form take a password without its token.
        using var anonymous = new ConsoleClient(fixture.BaseAddress);
        var signIn = await anonymous.PostAsync("/Account/SignIn", new() { ["UserName"] = ReviewConsoleFixture.Reviewer, ["Password"] = ReviewConsoleFixture.Password });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task An_insurer_api_key_opens_no_console_page_while_the_api_beside_it_still_answers()
    {
        var key = await fixture.CreateApiKeyAsync(TestData.InsurerA);
        using var client = new ConsoleClient(fixture.BaseAddress);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // The key is good for the batch API: an unknown batch is "not found", not "unauthorised".
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/v1/batches/{Guid.NewGuid()}")).StatusCode);
        foreach (var path in new[] { "/Cases", $"/Cases/Detail/{await fixture.FindingOfAsync("A-0002")}", "/Audit", "/Audit?handler=Csv", "/Reports" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
        }

        // The API without a key is refused with a status, not sent to the staff sign-in page.
        using var anonymous = new ConsoleClient(fixture.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync($"/api/v1/batches/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_audit_log_is_for_supervisors_and_exports_as_csv_with_a_byte_order_mark()
    {
        using var reviewer = new ConsoleClient(fixture.BaseAddress);
        await reviewer.SignInAsync(ReviewConsoleFixture.Reviewer, ReviewConsoleFixture.Password);
        var denied = await reviewer.Http.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync(denied.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.Http.GetAsync("/Audit?handler=Csv")).StatusCode);

        using var supervisor = new ConsoleClient(fixture.BaseAddress);
        await supervisor.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);
        var csv = await supervisor.Http.GetAsync($"/Audit?handler=Csv&actor={ReviewConsoleFixture.Supervisor}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日時（日本時間）,操作者,役割,操作,操作コード,案件ID,詳細,接続元", lines[0]);
        Assert.Contains(lines, l => l.Contains(",supervisor1,監督者,サインイン,SignIn,", StringComparison.Ordinal));
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.ExportAuditLog && a.Actor == ReviewConsoleFixture.Supervisor));
    }

    [Fact]
    public async Task The_audit_log_and_the_case_history_cannot_be_changed_or_deleted()
    {
        // Even by the schema's owner: the triggers refuse it (the runtime role has no such right at all).
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand(
            "INSERT INTO audit_log (occurred_at, actor, action, details) VALUES (now(), 'test', 'ViewCase', 'x')", connection))
        {
            await seed.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "audit_log", "case_events" })
        {
            foreach (var sql in new[] { $"UPDATE {table} SET actor = 'x'", $"DELETE FROM {table}", $"TRUNCATE {table}" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal($"{table} is append-only", refused.MessageText);
            }
        }
    }

    [Fact]
    public async Task The_queue_filters_sorts_and_pages_in_the_database()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Reviewer, ReviewConsoleFixture.Password);

        var first = await client.Http.GetStringAsync("/Cases?status=All&sort=insurer&dir=desc");
        var second = await client.Http.GetStringAsync("/Cases?status=All&sort=insurer&dir=desc&p=2");
        var insurerB = await client.Http.GetStringAsync("/Cases?status=All&insurer=01130012");

        Assert.Contains("全 10 件中 1–5 件を表示（1 / 2 ページ）", first);
        Assert.Contains("全 10 件中 6–10 件を表示（2 / 2 ページ）", second);
        Assert.Equal(5, Rows(first).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
        Assert.DoesNotContain("data-registration=\"S-01\"", first);
        Assert.Contains("data-registration=\"S-01\"", second); // insurer 01130012 sorts last, descending
        Assert.Equal(["S-01"], Rows(insurerB));
    }

    [Fact]
    public async Task The_queue_filters_by_the_Japan_calendar_day_of_detection()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Reviewer, ReviewConsoleFixture.Password);
        await using var db = fixture.CreateDbContext();
        var detected = await db.Set<StoredFinding>().Select(f => f.CreatedAt).FirstAsync();
        var day = DateOnly.FromDateTime(JapanTime.ToJapan(detected).DateTime);

        var onTheDay = await client.Http.GetStringAsync($"/Cases?status=All&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var dayAfter = await client.Http.GetStringAsync($"/Cases?status=All&from={day.AddDays(1):yyyy-MM-dd}");
        var unreadable = await client.Http.GetAsync("/Cases?status=All&from=21/11/2026");

        Assert.Contains("全 10 件", onTheDay);
        Assert.Contains("全 0 件", dayAfter);
        Assert.Contains("条件に合う案件はありません。", dayAfter);
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("絞り込み条件の一部を読み取れなかったため、無視しました", await unreadable.Content.ReadAsStringAsync());
    }

    private static List<string> Rows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-registration=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
