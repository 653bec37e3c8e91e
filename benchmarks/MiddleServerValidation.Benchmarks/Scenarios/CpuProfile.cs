using System.Diagnostics;
using MiddleServerValidation.Benchmarks.Runtime;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// Where the CPU went during a measurement, per component: the profile that explains a figure on a machine
/// where everything (PostgreSQL, RabbitMQ, the service, the load generator) shares the same cores.
/// </summary>
public sealed class CpuProfile
{
    private readonly List<(string Name, Func<double> Seconds)> _components = [];

    public void Add(string name, Func<double> seconds) => _components.Add((name, seconds));

    public void AddSelf() => Add("benchmark (load generator)", () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    /// <summary>The PostgreSQL server this connection string reaches: its postmaster and every backend.</summary>
    public async Task AddPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var postmaster = ProcessStats.ParentOf((int)(await command.ExecuteScalarAsync(cancellationToken))!);
        Add("PostgreSQL", () => ProcessStats.CpuSecondsOfTree(postmaster));
    }

    /// <summary>The RabbitMQ node started by scripts/lib/services.sh for this port (its private epmd port is port − 1300).</summary>
    public void AddRabbitMq(int port) =>
        Add("RabbitMQ", () => ProcessStats.CpuSecondsWhere(c => c.Contains("beam.smp", StringComparison.Ordinal)
            && c.Contains($"-epmd_port {port - 1300} ", StringComparison.Ordinal)));

    public Dictionary<string, double> Snapshot() => _components.ToDictionary(c => c.Name, c => c.Seconds());

    public static IReadOnlyList<(string Name, double Seconds)> Between(Dictionary<string, double> before, Dictionary<string, double> after) =>
        after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key))).ToList();
}
