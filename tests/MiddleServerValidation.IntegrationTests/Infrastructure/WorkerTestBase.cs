namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Tests that talk to the class's running worker over AMQP, as an insurer's system would.</summary>
public abstract class WorkerTestBase(ServiceFixture fixture) : IClassFixture<ServiceFixture>, IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected ServiceFixture Fixture { get; } = fixture;

    protected RabbitMqProbe Probe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Fixture.EnsureWorkerAsync();
        Probe = await RabbitMqProbe.ConnectAsync(Fixture.RabbitMq);
    }

    public async Task DisposeAsync() => await Probe.DisposeAsync();
}
