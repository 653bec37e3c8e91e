namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>The one place that chooses the server provider.</summary>
public static class TestServers
{
    private static readonly Lazy<ITestServers> Provider = new(LocalTestServers.FromEnvironment);

    public static ITestServers Current => Provider.Value;
}
