using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Reconciliation.Runs;
using static Microsoft.Playwright.Assertions;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>The Supervisors' Reports page over a real reconciliation: the report, its CSV, the correction files, who may see them.</summary>
public sealed class ReportsTests(ReportsConsoleFixture fixture) : IClassFixture<ReportsConsoleFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        Assert.Equal(RunOutcomeKind.Succeeded, (await fixture.ReconciledAsync()).Kind);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/Reports")]
    [InlineData("/Reports?handler=Html")]
    [InlineData("/Reports?handler=Csv")]
    [InlineData("/Reports?handler=Corrections&insurer=06139992")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = new ConsoleClient(fixture.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/Reports")]
    [InlineData("/Reports?handler=Html")]
    [InlineData("/Reports?handler=Csv")]
    [InlineData("/Reports?handler=Corrections&insurer=06139992")]
    public async Task A_reviewer_is_refused_and_sees_no_link(string path)
    {
        using var reviewer = new ConsoleClient(fixture.BaseAddress);
        await reviewer.SignInAsync(ReviewConsoleFixture.Reviewer, ReviewConsoleFixture.Password);
        var before = await AuditCountAsync(ReviewConsoleFixture.Reviewer);

        var response = await reviewer.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        var denied = await reviewer.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("href=\"/Reports\"", await denied.Content.ReadAsStringAsync());
        Assert.Equal(before, await AuditCountAsync(ReviewConsoleFixture.Reviewer));
    }

    [Fact]
    public async Task A_supervisor_sees_the_latest_run_and_each_insurers_correction_file()
    {
        using var supervisor = await SupervisorAsync();

        var html = await supervisor.Http.GetStringAsync("/Reports");

        Assert.Contains("href=\"/Reports\"", html);
        Assert.Contains("data-status=\"Succeeded\"", html);
        Assert.Contains("コマンド実行", html);
        Assert.Matches("対象期間 \\d{4}-\\d{2}-\\d{2}（令和\\d+年\\d+月\\d+日）", html);
        var rows = Regex.Matches(html, "<tr data-insurer=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal([TestData.InsurerB, TestData.InsurerA], rows.Select(r => r.Groups[1].Value));
        var insurerA = rows.Single(r => r.Groups[1].Value == TestData.InsurerA).Groups[2].Value;
        Assert.Matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}（令和", insurerA);
        var run = (await fixture.ReconciledAsync()).Run!;
        var link = Regex.Match(insurerA, "href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Equal(
            ["handler=Corrections", $"insurer={TestData.InsurerA}", $"run={run.Id}"],
            new Uri(fixture.BaseAddress, link).Query.TrimStart('?').Split('&').Order(StringComparer.Ordinal));

        var filtered = await supervisor.Http.GetStringAsync($"/Reports?insurer={TestData.InsurerB}");
        Assert.Single(Regex.Matches(filtered, "<tr data-insurer="));
        var viewLink = Regex.Match(filtered, "<a [^>]*data-testid=\"view-report\"[^>]*>").Value;
        Assert.Contains("handler=Html", viewLink);
        Assert.Contains($"insurer={TestData.InsurerB}", viewLink);
        var unreadable = await supervisor.Http.GetStringAsync("/Reports?insurer=abc&from=21/11/2026");
        Assert.Contains("絞り込み条件の一部を読み取れなかったため、無視しました", unreadable);
        Assert.Equal(2, Regex.Matches(unreadable, "<tr data-insurer=").Count);
    }

    [Fact]
    public async Task The_report_is_its_own_document_with_inline_charts_allowed_styles_and_no_scripts()
    {
        using var supervisor = await SupervisorAsync();

        var response = await supervisor.Http.GetAsync("/Reports?handler=Html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg", html);
        Assert.Contains($"保険者番号 {TestData.InsurerA}", html);
        Assert.DoesNotContain("審査コンソール", html);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'unsafe-inline'", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(await AuditedAsync(AuditActions.ViewDataQualityReport, "データ品質レポートを閲覧（条件なし）"));
    }

    [Fact]
    public async Task The_figures_download_as_csv_with_a_byte_order_mark()
    {
        using var supervisor = await SupervisorAsync();

        var response = await supervisor.Http.GetAsync($"/Reports?handler=Csv&insurer={TestData.InsurerA}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches("^data-quality-report-\\d{8}\\.csv$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日付,和暦,保険者番号,指標コード,指標,件数", lines[0]);
        Assert.Contains(lines, l => l.Contains($",{TestData.InsurerA},", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains($",{TestData.InsurerB},", StringComparison.Ordinal));
        Assert.True(await AuditedAsync(AuditActions.ExportDataQualityCsv, $"データ品質レポートをCSV出力（保険者番号={TestData.InsurerA}）"));
    }

    [Fact]
    public async Task A_correction_file_downloads_as_an_attachment_with_masked_numbers()
    {
        using var supervisor = await SupervisorAsync();

        var response = await supervisor.Http.GetAsync($"/Reports?handler=Corrections&insurer={TestData.InsurerA}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var name = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        Assert.Matches($"^corrections-{TestData.InsurerA}-\\d{{8}}\\.csv$", name);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lost = text.Split("\r\n").Single(l => l.StartsWith(ReportsConsoleFixture.LostCharacterRecord + ",", StringComparison.Ordinal));
        Assert.Contains("********" + TestData.PersonalNumber(7_200_001)[^4..], lost);
        Assert.Contains("CardNumberInvalidCharacter", lost);
        Assert.Contains("R-01,", text);
        Assert.DoesNotContain(TestData.PersonalNumber(7_200_001), text);
        Assert.DoesNotContain(fixture.Numbers["R-01"], text);
        Assert.True(await AuditedAsync(AuditActions.DownloadCorrectionFile, $"保険者番号 {TestData.InsurerA} の要修正リスト {name}"));

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync("/Reports?handler=Corrections&insurer=99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync("/Reports?handler=Corrections")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_opens_the_page_and_the_report_renders_its_charts_in_the_browser()
    {
        var page = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Supervisor);
        await page.GetByRole(AriaRole.Link, new() { Name = "データ品質レポート", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("データ品質レポート");
        await Expect(page.GetByTestId("corrections").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("runs").Locator("tbody tr").First).ToContainTextAsync("正常終了");
        await ConsoleBrowser.ScreenshotAsync(page, "06-reports");

        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await page.GetByTestId("view-report").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("中間サーバー登録データ 品質レポート");
        var point = page.Locator("svg .pt").First;
        await Expect(point).ToBeVisibleAsync();
        // The inline stylesheet applied: a day's point is drawn in the report's blue, not the default black fill.
        Assert.Equal("rgb(43, 108, 176)", await point.EvaluateAsync<string>("e => getComputedStyle(e).fill"));
        await ConsoleBrowser.ScreenshotAsync(page, "07-report-document");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    private async Task<ConsoleClient> SupervisorAsync()
    {
        var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);
        return client;
    }

    private async Task<int> AuditCountAsync(string actor)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Set<AuditEntry>().CountAsync(a => a.Actor == actor);
    }

    private async Task<bool> AuditedAsync(string action, string details)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Set<AuditEntry>().AnyAsync(a =>
            a.Action == action && a.Actor == ReviewConsoleFixture.Supervisor && a.ActorRole == StaffRoles.Supervisor && a.Details.StartsWith(details));
    }
}
