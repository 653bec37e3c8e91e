namespace MiddleServerValidation.IntegrationTests.WebSecurity;

/// <summary>The web-security test classes share one console behind its proxy.</summary>
[CollectionDefinition(Name)]
public sealed class ProxiedConsoleCollection : ICollectionFixture<ProxiedConsoleFixture>
{
    public const string Name = "Console behind a proxy";
}
