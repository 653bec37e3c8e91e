using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// A class's own PostgreSQL server and RabbitMQ node, which its tests stop, kill and start again; the class's database,
/// virtual host and insurers are made on them as on the suite's servers.
/// </summary>
public class PrivateServersFixture : ServiceFixture
{
    private ITestServers? _servers;

    public PrivatePostgres Postgres { get; private set; } = null!;

    public PrivateRabbitMq Broker { get; private set; } = null!;

    protected override ITestServers Servers => _servers ?? throw new InvalidOperationException("The private servers are not started yet.");

    public override async Task InitializeAsync()
    {
        var postgres = PrivatePostgres.StartAsync();
        var broker = PrivateRabbitMq.StartAsync(management: true);
        try
        {
            await Task.WhenAll(postgres, broker);
        }
        catch
        {
            // Whichever did start must not outlive the run.
            await DisposeIfStartedAsync(postgres);
            await DisposeIfStartedAsync(broker);
            throw;
        }

        (Postgres, Broker) = (postgres.Result, broker.Result);
        _servers = LocalTestServers.FromEnvironment().WithPostgres(Postgres.AdminConnectionString).WithRabbitMq(Broker.Port, Broker.ManagementPort);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_servers is null)
        {
            // The servers did not start (and what did was stopped then): nothing was made on them.
            return;
        }

        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Broker.DisposeAsync();
            await Postgres.DisposeAsync();
        }
    }

    private static async Task DisposeIfStartedAsync<T>(Task<T> start) where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
        }
    }
}
