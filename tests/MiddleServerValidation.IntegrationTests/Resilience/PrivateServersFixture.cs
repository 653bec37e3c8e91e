using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// A class's own PostgreSQL server and RabbitMQ node, which its tests stop, kill and start again; the class's database,
/// virtual host and insurers are made on them as on the suite's servers.
/// </summary>
public class PrivateServersFixture : OwnServersFixture
{
    public PrivatePostgres Postgres { get; private set; } = null!;

    public PrivateRabbitMq Broker { get; private set; } = null!;

    protected override async Task<(ITestServers Servers, IReadOnlyList<IAsyncDisposable> StopAfter)> StartServersAsync()
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
        return (LocalTestServers.FromEnvironment().WithPostgres(Postgres.AdminConnectionString).WithRabbitMq(Broker.Port, Broker.ManagementPort),
            [Broker, Postgres]);
    }

    private static async Task DisposeIfStartedAsync<T>(Task<T> start) where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
        }
    }
}
