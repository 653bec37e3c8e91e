using MiddleServerValidation.Contracts;
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

    /// <summary>A registration published as insurer A comes back as its notice: the worker consumes and dispatches again.</summary>
    public async Task RegistrationComesThroughAsync(string registrationId, long numberSeed, TimeSpan patience)
    {
        await using var probe = await RabbitMqProbe.ConnectAsync(Insurers[TestData.InsurerA]);
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration(registrationId, TestData.PersonalNumber(numberSeed), "H1.9.13", "シカク ハナコ")));
        await using var reader = await RabbitMqProbe.ConnectAsync(RabbitMq);
        await reader.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), registrationId, patience);
    }

    private static async Task DisposeIfStartedAsync<T>(Task<T> start) where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
        }
    }
}
