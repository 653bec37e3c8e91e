using System.Net.Http.Json;
using System.Security.Cryptography;
using MiddleServerValidation.JlisStub;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.InsurerKeys;
using MiddleServerValidation.ServiceDefaults;
using MiddleServerValidation.Web;
using MiddleServerValidation.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// Per test class: a fresh database (migrated), a fresh RabbitMQ virtual host, a J-LIS stub on a
/// real port, fresh personal-data keys, and the settings that point the service's hosts at them.
/// </summary>
public class ServiceFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _hosts = [];
    private readonly string _name = $"msv_{Guid.NewGuid():N}"[..20];
    private readonly SemaphoreSlim _workerStart = new(1, 1);
    private WebApplication? _stub;
    private WebApplication? _worker;

    public LogCapture Logs { get; } = new();
    /// <summary>The runtime role's connection, as the services use it: rows only.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The migration role's connection: the schema's owner, for migrations and a test's own DDL.</summary>
    public string OwnerConnectionString { get; private set; } = "";

    private string _runtimeRole = "";
    public RabbitMqEndpoint RabbitMq { get; private set; } = null!;

    /// <summary>The broker users of the test insurers (A and B), as deploy/rabbitmq/add-insurer.sh made them.</summary>
    public Dictionary<string, RabbitMqEndpoint> Insurers { get; } = [];
    public Uri StubAddress { get; private set; } = null!;
    public Dictionary<string, string?> Settings { get; } = [];

    public virtual async Task InitializeAsync()
    {
        var database = await TestServers.Current.CreateDatabaseAsync(_name, CancellationToken.None);
        (OwnerConnectionString, ConnectionString) = (database.OwnerConnectionString, database.RuntimeConnectionString);
        RabbitMq = await TestServers.Current.CreateVirtualHostAsync(_name, CancellationToken.None);
        foreach (var insurer in new[] { TestData.InsurerA, TestData.InsurerB })
        {
            Insurers[insurer] = await TestServers.Current.AddInsurerAsync(_name, insurer, CancellationToken.None);
        }

        _runtimeRole = database.RuntimeRole;
        await MigrateAsync();

        _stub = JlisStubApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["JlisStub:ResidentsFile"] = WriteResidentsFile(),
                ["JlisStub:AllowRuntimeFaults"] = "true",
            });
            builder.Logging.ClearProviders();
        });
        await _stub.StartAsync();
        StubAddress = new Uri(_stub.Urls.First());

        foreach (var (key, value) in DefaultSettings())
        {
            Settings[key] = value;
        }
    }

    /// <summary>Residents J-LIS knows beyond the examples' (personal_number,kana_name,birth_date,sex lines).</summary>
    protected virtual IEnumerable<string> ExtraResidents => [];

    private string WriteResidentsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{_name}-residents.csv");
        File.WriteAllLines(path, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "examples", "residents.csv")).Concat(ExtraResidents));
        return path;
    }

    private Dictionary<string, string?> DefaultSettings() => new()
    {
        ["ConnectionStrings:Validation"] = ConnectionString,
        ["RabbitMq:Host"] = RabbitMq.Host,
        ["RabbitMq:Port"] = RabbitMq.Port.ToString(),
        ["RabbitMq:VirtualHost"] = RabbitMq.VirtualHost,
        ["RabbitMq:Username"] = RabbitMq.Username,
        ["RabbitMq:Password"] = RabbitMq.Password,
        ["RabbitMq:PrefetchCount"] = "200",
        ["Jlis:BaseAddress"] = StubAddress.ToString(),
        ["Jlis:AttemptTimeout"] = "00:00:01",
        ["Jlis:MaxRetryAttempts"] = "2",
        ["Jlis:RetryBaseDelay"] = "00:00:00.05",
        ["Jlis:CircuitBreakerBreakDuration"] = "00:00:01",
        ["PersonalData:HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Console:KeyRingKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Console:AuditNameKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Processing:PendingLookupFirstDelay"] = "00:00:00.5",
        ["Processing:PendingLookupMaxDelay"] = "00:00:01",
        ["Processing:PendingLookupPollInterval"] = "00:00:00.2",
        ["Notices:PollInterval"] = "00:00:00.2",
        // Test classes that need the nightly schedule switch it on themselves.
        ["Reconciliation:ScheduleEnabled"] = "false",
        ["Urls"] = "http://127.0.0.1:0",
    };

    /// <summary>Gives one more insurer its broker user, exchange and notice queue in this class's virtual host.</summary>
    public async Task AddInsurerAsync(string insurerNumber) =>
        Insurers[insurerNumber] = await TestServers.Current.AddInsurerAsync(RabbitMq.VirtualHost, insurerNumber, CancellationToken.None);

    /// <summary>Points this class's hosts at another broker (a node of the class's own).</summary>
    protected void UseBroker(RabbitMqEndpoint endpoint)
    {
        RabbitMq = endpoint;
        Settings["RabbitMq:Host"] = endpoint.Host;
        Settings["RabbitMq:Port"] = endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["RabbitMq:VirtualHost"] = endpoint.VirtualHost;
        Settings["RabbitMq:Username"] = endpoint.Username;
        Settings["RabbitMq:Password"] = endpoint.Password;
    }

    /// <summary>Issues a key for <paramref name="insurerNumber"/> as <c>msv insurer-key create</c> does.</summary>
    public async Task<string> CreateApiKeyAsync(string insurerNumber)
    {
        var (keyId, key) = ApiKeyFormat.Generate();
        await using var db = CreateDbContext();
        db.Add(new InsurerApiKey
        {
            KeyId = keyId, InsurerNumber = insurerNumber, SecretHash = ApiKeyFormat.Hash(key), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>
    /// As <c>msv migrate --grant-to</c> does: the owner migrates (to <paramref name="target"/>, else the latest), then the
    /// runtime role the services run as gets its rights on the schema as it now stands.
    /// </summary>
    public async Task MigrateAsync(string? target = null)
    {
        await using (var db = new ValidationDbContext(new DbContextOptionsBuilder<ValidationDbContext>().UseNpgsql(OwnerConnectionString).Options))
        {
            if (target is null)
            {
                await db.MigrateAsync(CancellationToken.None);
            }
            else
            {
                await db.GetService<IMigrator>().MigrateAsync(target);
            }
        }

        await using var owner = new Npgsql.NpgsqlConnection(OwnerConnectionString);
        await owner.OpenAsync();
        await DatabaseRoles.GrantRuntimeAsync(owner, _runtimeRole, CancellationToken.None);
    }

    public ValidationDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<ValidationDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Starts a worker host on this class's database and virtual host.</summary>
    /// <remarks>The worker starts once its bus is connected; <paramref name="cancellationToken"/> gives up waiting.</remarks>
    public async Task<WebApplication> StartWorkerAsync(
        IDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var host = WorkerApp.Build([], builder =>
        {
            Configure(builder, overrides);
            configure?.Invoke(builder);
        });
        _hosts.Add(host);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            _hosts.Remove(host);
            await StopFailedStartAsync(host);
            throw;
        }

        return host;
    }

    /// <summary>
    /// Stops what a failed start had started (a bus that could not connect). A host that failed before starting
    /// anything (options validated on start) cannot be stopped: Host.StopAsync throws ArgumentNullException.
    /// </summary>
    private static async Task StopFailedStartAsync(WebApplication host)
    {
        try
        {
            await host.StopAsync();
        }
        catch (ArgumentNullException)
        {
            // Nothing had started.
        }

        await host.DisposeAsync();
    }

    /// <summary>Starts a web host (insurers' API and staff console) on this class's database, on a real port.</summary>
    public async Task<WebApplication> StartWebAsync(IDictionary<string, string?>? overrides = null, string[]? args = null)
    {
        var host = WebApp.Build(args ?? [], builder => Configure(builder, overrides));
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    /// <summary>The class's shared worker, started on first use.</summary>
    public async Task<WebApplication> EnsureWorkerAsync()
    {
        await _workerStart.WaitAsync();
        try
        {
            return _worker ??= await StartWorkerAsync();
        }
        finally
        {
            _workerStart.Release();
        }
    }

    /// <summary>Applies this class's settings and log capture to a host being built.</summary>
    public void Configure(WebApplicationBuilder builder, IDictionary<string, string?>? overrides = null)
    {
        builder.Configuration.AddInMemoryCollection(Settings);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
    }

    /// <summary>A bus of its own on this class's virtual host, logged in as an insurer's broker user, as its .NET client would be.</summary>
    public AsyncServiceScope CreateBusScope(string insurerNumber)
    {
        var builder = WebApplication.CreateBuilder();
        var insurer = Insurers[insurerNumber];
        Configure(builder, new Dictionary<string, string?> { ["RabbitMq:Username"] = insurer.Username, ["RabbitMq:Password"] = insurer.Password });
        builder.AddMessaging();
        var app = builder.Build();
        _hosts.Add(app);
        app.StartAsync().GetAwaiter().GetResult();
        return app.Services.CreateAsyncScope();
    }

    public async Task StopAsync(WebApplication host)
    {
        if (_hosts.Remove(host))
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    /// <summary>Sets the stub's faults (latency, error rate, rate limit) while it runs.</summary>
    public async Task SetStubFaultsAsync(double errorRate = 0, int latencyMs = 0, int requestsPerSecond = 0)
    {
        using var client = new HttpClient { BaseAddress = StubAddress };
        var response = await client.PutAsJsonAsync("/admin/faults", new { errorRate, latencyMs, requestsPerSecond });
        response.EnsureSuccessStatusCode();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts.ToArray())
        {
            await StopAsync(host);
        }

        if (_stub is not null)
        {
            await _stub.StopAsync();
            await _stub.DisposeAsync();
        }

        await TestServers.Current.DeleteVirtualHostAsync(_name, CancellationToken.None);
        await TestServers.Current.DropDatabaseAsync(_name, CancellationToken.None);
    }
}
