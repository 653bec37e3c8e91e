using System.Globalization;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, started, stopped, killed and promoted with the stack's scripts
/// (scripts/lib/services.sh): for tests that take the database away, which the suite's shared server must never see.
/// Durable (fsync and synchronous commit on), unlike the suite's: these tests are about what survives.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private PrivatePostgres(string directory, int port) => (Directory, Port) = (directory, port);

    public string Directory { get; }
    public int Port { get; }

    /// <summary>The superuser's connection, for <see cref="LocalTestServers.WithPostgres"/>.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = Create();
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A synchronous streaming standby of <paramref name="primary"/>: a commit there is acknowledged once this has it.</summary>
    public static async Task<PrivatePostgres> StartStandbyAsync(PrivatePostgres primary)
    {
        var server = Create();
        await Shell.RunAsync($"msv_start_postgres_standby '{server.Directory}' {server.Port} {primary.Port}", TimeSpan.FromMinutes(2));
        return server;
    }

    private static PrivatePostgres Create()
    {
        var port = Enumerable.Range(0, 200).Select(_ => Random.Shared.Next(7000, 7900)).First(PrivateRabbitMq.IsFree);
        var directory = Path.Combine(RepositoryRoot.Path, ".local", "test", "postgres", port.ToString(CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(directory);
        return new PrivatePostgres(directory, port);
    }

    public Task StartServerAsync() => Shell.RunAsync($"msv_start_postgres '{Directory}' {Port}", TimeSpan.FromMinutes(2));

    /// <summary>A clean stop (fast shutdown: sessions are ended, nothing is lost).</summary>
    public Task StopAsync() => Shell.RunAsync($"msv_stop_postgres '{Directory}'", TimeSpan.FromMinutes(1));

    /// <summary>The server dies at once (kill -9 of every process), as when its machine fails.</summary>
    public Task KillAsync() => Shell.RunAsync($"msv_kill_postgres '{Directory}'", TimeSpan.FromSeconds(30));

    /// <summary>A standby becomes a primary that takes writes.</summary>
    public Task PromoteAsync() => Shell.RunAsync($"msv_promote_postgres '{Directory}'", TimeSpan.FromMinutes(1));

    public async ValueTask DisposeAsync()
    {
        await Shell.RunAsync($"msv_stop_postgres '{Directory}'; msv_remove_postgres '{Directory}'", TimeSpan.FromMinutes(1));
    }
}
