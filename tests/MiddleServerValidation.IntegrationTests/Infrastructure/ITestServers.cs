namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// The real servers the integration tests run against. Tests only see this interface: the local
/// servers started by scripts/test.sh provide it today; a container-based provider could tomorrow.
/// </summary>
public interface ITestServers
{
    /// <summary>Creates an empty database and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken);

    Task DropDatabaseAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates an empty virtual host and returns how to reach it.</summary>
    Task<RabbitMqEndpoint> CreateVirtualHostAsync(string name, CancellationToken cancellationToken);

    Task DeleteVirtualHostAsync(string name, CancellationToken cancellationToken);
}

public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password);
