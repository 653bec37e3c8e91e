using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// A PostgreSQL primary with a synchronous streaming standby, of the class's own. The services reach them through one
/// multi-host connection string that asks for the server taking writes, as in production.
/// </summary>
public sealed class DatabaseFailoverFixture : OwnServersFixture
{
    public PrivatePostgres Primary { get; private set; } = null!;

    public PrivatePostgres Standby { get; private set; } = null!;

    protected override async Task<(ITestServers Servers, IReadOnlyList<IAsyncDisposable> StopAfter)> StartServersAsync()
    {
        Primary = await PrivatePostgres.StartAsync();
        try
        {
            Standby = await PrivatePostgres.StartStandbyAsync(Primary);
        }
        catch
        {
            await Primary.DisposeAsync();
            throw;
        }

        return (LocalTestServers.FromEnvironment().WithPostgres(
            $"Host=127.0.0.1:{Primary.Port},127.0.0.1:{Standby.Port};Username=postgres;Target Session Attributes=read-write"), [Standby, Primary]);
    }
}

/// <summary>
/// Registrations stream in; the primary dies (kill -9) and the standby is promoted, as a failover manager does. The
/// service reconnects by itself through its multi-host connection string, and every registration the worker
/// acknowledged to the broker, with its notice in the outbox, is on the new primary: nothing is lost or doubled.
/// </summary>
public sealed class DatabaseFailoverTests(DatabaseFailoverFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFailoverFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_primary_killed_and_the_standby_promoted_mid_stream_loses_nothing()
    {
        var worker = await fixture.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["Notices:SendTimeout"] = "00:00:03",
            ["Notices:ClaimLease"] = "00:00:06",
        });
        var registrations = Streams.Registrations("FAILOVER", 600, 9_500_000);
        var publishing = new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations, 60, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var storedBeforeKill = await CountStoredAsync(fixture.Primary.Port);
        await fixture.Primary.KillAsync();
        // The failover manager's decision takes a moment; meanwhile only a standby answers.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await fixture.Standby.PromoteAsync();

        await publishing;
        var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, fixture.RabbitMq, TestData.InsurerA, Streams.Ids(registrations), Patience);

        output.WriteLine($"{storedBeforeKill} stored on the primary before it died; {figures}");
        Assert.InRange(storedBeforeKill, 1, registrations.Count - 1);
        figures.AssertComplete();
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), Patience);
    }

    private async Task<long> CountStoredAsync(int port)
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Host = "127.0.0.1", Port = port, TargetSessionAttributes = null, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM registrations WHERE registration_id LIKE 'FAILOVER-%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
