using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The servers a run uses (<c>ConnectionStrings:Validation</c>, <c>RabbitMq:*</c>, from the environment or
/// <c>--Key value</c>), fresh personal-data keys for the run, and the settings every child process gets.
/// </summary>
public sealed class BenchEnvironment
{
    // The web host's console keys: fresh per run, like the database.
    private readonly string _keyRingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _auditNameKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private BenchEnvironment(IConfiguration configuration)
    {
        ConnectionString = configuration.GetConnectionString("Validation")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Validation (scripts/benchmark.sh does).");
        RabbitHost = configuration["RabbitMq:Host"] ?? "127.0.0.1";
        RabbitPort = configuration.GetValue("RabbitMq:Port", 5672);
        RabbitUser = configuration["RabbitMq:Username"] ?? "guest";
        RabbitPassword = configuration["RabbitMq:Password"] ?? "guest";
        WorkDirectory = Path.GetFullPath(configuration["work-dir"] ?? Path.Combine(Runtime.Repository.Root, ".local", "bench", "work"));
        Directory.CreateDirectory(WorkDirectory);
        HmacKey = configuration["PersonalData:HmacKey"]!;
        EncryptionKey = configuration["PersonalData:EncryptionKey"]!;
    }

    /// <summary>
    /// Fresh personal-data keys for the run, set before the benchmark's own host is built: its seeder protects
    /// numbers with the same keys as the services it starts.
    /// </summary>
    public static void CreateKeys()
    {
        Environment.SetEnvironmentVariable("PersonalData__HmacKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Environment.SetEnvironmentVariable("PersonalData__EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string ConnectionString { get; }
    public string RabbitHost { get; }
    public int RabbitPort { get; }
    public string RabbitUser { get; }
    public string RabbitPassword { get; }
    public string WorkDirectory { get; }
    public string HmacKey { get; }
    public string EncryptionKey { get; }

    public static BenchEnvironment From(IConfiguration configuration) => new(configuration);

    /// <summary>Settings for the worker, web host and stub processes.</summary>
    public Dictionary<string, string> ServiceSettings(Uri jlis) => new Dictionary<string, string>
    {
        ["ConnectionStrings__Validation"] = ConnectionString,
        ["RabbitMq__Host"] = RabbitHost,
        ["RabbitMq__Port"] = RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq__Username"] = RabbitUser,
        ["RabbitMq__Password"] = RabbitPassword,
        ["PersonalData__HmacKey"] = HmacKey,
        ["PersonalData__EncryptionKey"] = EncryptionKey,
        ["Console__KeyRingKey"] = _keyRingKey,
        ["Console__AuditNameKey"] = _auditNameKey,
        ["Jlis__BaseAddress"] = jlis.ToString(),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__MiddleServerValidation.Processing.Batches"] = Environment.GetEnvironmentVariable("MSV_BENCH_BATCH_LOG") ?? "Information",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    }.Concat(Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("MSV_BENCH_CHILD_", StringComparison.Ordinal))
        .Select(k => KeyValuePair.Create(k["MSV_BENCH_CHILD_".Length..], Environment.GetEnvironmentVariable(k)!))).ToDictionary();

    /// <summary>Drops and creates the run's database: every run starts from an empty store.</summary>
    public async Task RecreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", $"CREATE DATABASE \"{target.Database}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
