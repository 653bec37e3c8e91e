using Microsoft.Playwright;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>A staff member's browser session on the console: Japanese locale, Tokyo time, a desktop-sized window.</summary>
internal static class ConsoleBrowser
{
    /// <summary>Where screenshots go: <c>MSV_TEST_ARTIFACTS</c> (scripts/test.sh sets it), else beside the test binaries.</summary>
    public static string ArtifactsDirectory { get; } =
        Environment.GetEnvironmentVariable("MSV_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<IPage> OpenAsync(ReviewConsoleFixture fixture)
    {
        var context = await (await fixture.BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public static async Task<IPage> SignedInAsync(ReviewConsoleFixture fixture, string user)
    {
        var page = await OpenAsync(fixture);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("ユーザー名").FillAsync(user);
        await page.GetByLabel("パスワード").FillAsync(ReviewConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "案件一覧" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
