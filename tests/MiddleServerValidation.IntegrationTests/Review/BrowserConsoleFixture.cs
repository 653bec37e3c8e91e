namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>The browser tests' fixture: one queue page holds every seeded case, so a screenshot shows the whole queue.</summary>
public sealed class BrowserConsoleFixture : ReviewConsoleFixture
{
    public override int PageSize => 20;
}
