namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// The real servers the integration tests run against. Tests only see this interface: the local
/// servers started by scripts/test.sh provide it today; a container-based provider could tomorrow.
/// </summary>
public interface ITestServers
{
    /// <summary>
    /// Creates an empty database owned by the migration role and returns how each role reaches it: the owner (migrations,
    /// a test's own DDL) and the runtime role the services use (rows only).
    /// </summary>
    Task<TestDatabase> CreateDatabaseAsync(string name, CancellationToken cancellationToken);

    Task DropDatabaseAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates an empty virtual host and returns how to reach it.</summary>
    Task<RabbitMqEndpoint> CreateVirtualHostAsync(string name, CancellationToken cancellationToken);

    Task DeleteVirtualHostAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Gives an insurer its broker user, exchange and notice queue in a virtual host with the operator's own script
    /// (deploy/rabbitmq/add-insurer.sh), and applies the service's broker policies there (configure-broker.sh).
    /// </summary>
    Task<RabbitMqEndpoint> AddInsurerAsync(string virtualHost, string insurerNumber, CancellationToken cancellationToken);

    /// <summary>A broker user for one host of the service (web or worker), made by deploy/rabbitmq/add-service-user.sh.</summary>
    Task<RabbitMqEndpoint> AddServiceUserAsync(string virtualHost, string host, string user, string password, CancellationToken cancellationToken);

    Task DeleteUserAsync(string user, CancellationToken cancellationToken);
}

public sealed record TestDatabase(string OwnerConnectionString, string RuntimeConnectionString, string RuntimeRole);

public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password);
