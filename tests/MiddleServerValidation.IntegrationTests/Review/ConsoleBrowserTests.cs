using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Findings;
using static Microsoft.Playwright.Assertions;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>The console in Debian's chromium, against the web host on a real port and the class's real database.</summary>
public sealed class ConsoleBrowserTests(BrowserConsoleFixture fixture) : IClassFixture<BrowserConsoleFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var page = await ConsoleBrowser.OpenAsync(fixture);

        await page.GotoAsync("/Cases");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn\\?ReturnUrl=%2FCases$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "サインイン" })).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "01-sign-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reviewer_signs_in_filters_the_queue_and_opens_a_case()
    {
        var page = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Reviewer);
        var queue = page.GetByTestId("queue");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("審査 太郎（審査担当）");
        await Expect(page.Locator(".count[data-code=KanaNameMismatch] .number")).ToHaveTextAsync("1");
        await Expect(page.Locator(".count[data-code=JlisNotFound] .number")).ToHaveTextAsync("1");
        await Expect(queue.Locator("tbody tr").First).ToContainTextAsync("令和");
        await ConsoleBrowser.ScreenshotAsync(page, "02-queue");

        await page.GetByLabel("保険者番号").FillAsync("01130012");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Expect(queue.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(queue.Locator("tbody tr")).ToHaveAttributeAsync("data-registration", "S-01");

        await page.GotoAsync("/Cases");
        await page.Locator(".count[data-code=KanaNameMismatch]").ClickAsync();
        await Expect(queue.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(queue.Locator("tbody tr")).ToHaveAttributeAsync("data-registration", "A-0003");

        await page.Locator("select[name=code]").SelectOptionAsync("BirthDateMismatch");
        await page.GetByLabel("保険者番号").FillAsync("06139992");
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "A-0002", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("A-0002");
        var comparison = page.GetByTestId("comparison");
        var birthDates = comparison.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "生年月日" }) }).Locator("td");
        await Expect(birthDates.Nth(0)).ToContainTextAsync("1991-07-04（平成3年7月4日）");
        await Expect(birthDates.Nth(1)).ToContainTextAsync("1987-09-13（昭和62年9月13日）");
        await Expect(birthDates.Nth(1)).ToHaveClassAsync("diff");
        await Expect(birthDates.Nth(0)).Not.ToHaveClassAsync("diff");
        await Expect(comparison).ToContainTextAsync("********2225");
        await Expect(comparison).Not.ToContainTextAsync("222222222225");
        await Expect(page.GetByTestId("rule-set")).ToHaveTextAsync("2026.11.1");
        await Expect(page.GetByTestId("jlis")).ToContainTextAsync("該当者あり（本人確認情報）"); // every registration is checked against J-LIS (the default policy)
        await Expect(page.GetByTestId("notices")).ToContainTextAsync("この個人番号は別の生年月日で既に登録されています。");
        await ConsoleBrowser.ScreenshotAsync(page, "03-case-detail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reviewer_dismisses_a_case_with_a_reason_it_leaves_the_queue_and_the_decision_is_in_the_audit_log()
    {
        var id = await fixture.FindingOfAsync("R-01");
        var page = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Reviewer);
        await Expect(page.Locator("tr[data-registration='R-01']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "R-01", Exact = true }).ClickAsync();

        var form = page.GetByTestId("dismiss-form");
        await form.GetByLabel("理由区分（必須）").SelectOptionAsync(new SelectOptionValue { Label = "双子であることを本人確認で確認済み" });
        await form.GetByLabel("理由（必須）").FillAsync("窓口で双子の兄弟の本人確認書類を確認。誤登録ではない。");
        await form.GetByRole(AriaRole.Button, new() { Name = "疑いなしとする" }).ClickAsync();

        await Expect(page.GetByTestId("done")).ToContainTextAsync("理由付き疑いなしとしました");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("理由付き疑いなし");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("窓口で双子の兄弟の本人確認書類を確認。誤登録ではない。");
        await Expect(page.GetByTestId("reopen-form")).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "04-case-dismissed");
        Assert.Equal(FindingStatuses.Dismissed, (await fixture.FindingAsync(id)).Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "案件一覧", Exact = true }).ClickAsync();
        await Expect(page.Locator("tr[data-registration='R-02']")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-registration='R-01']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        var supervisor = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Supervisor);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "監査ログ" }).ClickAsync();
        await supervisor.GetByLabel("案件ID").FillAsync(id.ToString());
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        var dismissal = supervisor.Locator("tr[data-action=Dismiss]");
        await Expect(dismissal).ToHaveCountAsync(1);
        await Expect(dismissal).ToContainTextAsync(ReviewConsoleFixture.Reviewer);
        await Expect(dismissal).ToContainTextAsync("双子であることを本人確認で確認済み");
        await Expect(dismissal).ToContainTextAsync("窓口で双子の兄弟の本人確認書類を確認");
        await Expect(supervisor.Locator("tr[data-action=ViewCase]").First).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(supervisor, "05-audit-log");
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reviewer_cannot_unmask_and_the_attempt_is_audited()
    {
        var id = await fixture.FindingOfAsync("R-02");
        var page = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Reviewer);
        await page.GotoAsync($"/Cases/Detail/{id}");

        await Expect(page.GetByTestId("unmask")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("unmask-info")).ToHaveTextAsync("マスク解除は監督者だけが行えます。");

        // The form is not offered, so post it as a hand-made request with the session's own token.
        var token = await page.Locator("[data-testid=assign-form] input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var response = await page.Context.APIRequest.PostAsync($"/Cases/Detail/{id}?handler=Unmask",
            new() { Form = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!) });

        Assert.Equal(403, response.Status);
        var body = await response.TextAsync();
        Assert.Contains("個人番号のマスク解除は監督者だけが行えます。", body);
        Assert.DoesNotContain(fixture.Numbers["R-02"], body);
        await using var db = fixture.CreateDbContext();
        var attempt = await db.Set<AuditEntry>().SingleAsync(a => a.FindingId == id && a.Action == AuditActions.UnmaskDenied);
        Assert.Equal(ReviewConsoleFixture.Reviewer, attempt.Actor);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_supervisor_can_unmask_on_that_response_only_and_it_is_audited()
    {
        var id = await fixture.FindingOfAsync("R-02");
        var number = fixture.Numbers["R-02"];
        var page = await ConsoleBrowser.SignedInAsync(fixture, ReviewConsoleFixture.Supervisor);
        await page.GotoAsync($"/Cases/Detail/{id}");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(number);

        await page.GetByTestId("unmask").ClickAsync();

        await Expect(page.GetByTestId("unmasked")).ToHaveTextAsync(number);
        await page.GotoAsync($"/Cases/Detail/{id}");
        await Expect(page.GetByTestId("unmasked")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(number);

        await page.GotoAsync($"/Audit?action=Unmask&caseId={id}");
        var row = page.Locator("tr[data-action=Unmask]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(ReviewConsoleFixture.Supervisor);
        await Expect(row).Not.ToContainTextAsync(number);
        await using var db = fixture.CreateDbContext();
        Assert.DoesNotContain(number, (await db.Set<AuditEntry>().SingleAsync(a => a.FindingId == id && a.Action == AuditActions.Unmask)).Details);
        await page.Context.CloseAsync();
    }
}
