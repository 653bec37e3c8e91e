using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ started by scripts/test.sh, found through MSV_TEST_POSTGRES,
/// MSV_TEST_RABBITMQ and MSV_TEST_RABBITMQ_MANAGEMENT.
/// </summary>
public sealed class LocalTestServers : ITestServers
{
    private readonly string _postgres;
    private readonly Uri _rabbitMq;
    private readonly HttpClient _management;
    private readonly Uri _managementUri;

    private LocalTestServers(string postgres, Uri rabbitMq, Uri management)
    {
        _postgres = postgres;
        _rabbitMq = rabbitMq;
        _managementUri = management;
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        _management = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        _management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    public static LocalTestServers FromEnvironment()
    {
        static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the suite with scripts/test.sh, which starts PostgreSQL and RabbitMQ and sets it.");
        return new LocalTestServers(
            Require("MSV_TEST_POSTGRES"), new Uri(Require("MSV_TEST_RABBITMQ")), new Uri(Require("MSV_TEST_RABBITMQ_MANAGEMENT")));
    }

    /// <summary>The same servers but another PostgreSQL (a test's own, reached as <c>postgres</c>).</summary>
    public LocalTestServers WithPostgres(string adminConnectionString) => new(adminConnectionString, _rabbitMq, _managementUri);

    /// <summary>The same servers but another RabbitMQ (a test's own node or cluster, reached as <c>guest</c>).</summary>
    public LocalTestServers WithRabbitMq(int port, int managementPort) => new(
        _postgres, new Uri($"amqp://guest:guest@127.0.0.1:{port}/"), new Uri($"http://guest:guest@127.0.0.1:{managementPort}/"));

    /// <summary>The roles every test database is made with, as the deployment has them: an owner that migrates, a runtime role for rows.</summary>
    public const string OwnerRole = "msv_owner";
    public const string RuntimeRole = "msv_app";

    public async Task<TestDatabase> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync(cancellationToken);
        // Roles are the cluster's: made once, whichever test class comes first. CREATE ROLE is not idempotent, so the
        // check and the creation run under a transaction-scoped lock, released only once the new role is visible.
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var roles = new NpgsqlCommand(
                $"""
                SELECT pg_advisory_xact_lock(4242);
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole} LOGIN; END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RuntimeRole}') THEN CREATE ROLE {RuntimeRole} LOGIN; END IF;
                END $$;
                """, connection, transaction);
            await roles.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        string As(string role) => new NpgsqlConnectionStringBuilder(_postgres) { Database = name, Username = role, Pooling = true }.ConnectionString;
        return new TestDatabase(As(OwnerRole), As(RuntimeRole), RuntimeRole);
    }

    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RabbitMqEndpoint> CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        var user = Uri.UnescapeDataString(_rabbitMq.UserInfo.Split(':')[0]);
        var password = Uri.UnescapeDataString(_rabbitMq.UserInfo.Split(':')[1]);
        (await _management.PutAsync($"/api/vhosts/{Uri.EscapeDataString(name)}", null, cancellationToken)).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync(
            $"/api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" }, cancellationToken)).EnsureSuccessStatusCode();
        return new RabbitMqEndpoint(_rabbitMq.Host, _rabbitMq.Port, name, user, password);
    }

    public async Task DeleteVirtualHostAsync(string name, CancellationToken cancellationToken) =>
        await _management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(name)}", cancellationToken);

    /// <summary>The broker password every test insurer user gets (users are global; per-vhost permissions differ).</summary>
    public const string InsurerPassword = "insurer-test-password";

    public async Task<RabbitMqEndpoint> AddInsurerAsync(string virtualHost, string insurerNumber, CancellationToken cancellationToken)
    {
        var vhost = $"'{virtualHost}'";
        await RunBrokerScriptAsync($"deploy/rabbitmq/configure-broker.sh {vhost} && deploy/rabbitmq/add-insurer.sh {insurerNumber} {vhost}", InsurerPassword);
        return new RabbitMqEndpoint(_rabbitMq.Host, _rabbitMq.Port, virtualHost, $"insurer-{insurerNumber}", InsurerPassword);
    }

    public async Task<RabbitMqEndpoint> AddServiceUserAsync(string virtualHost, string host, string user, string password, CancellationToken cancellationToken)
    {
        await RunBrokerScriptAsync($"deploy/rabbitmq/add-service-user.sh {host} {user} '{virtualHost}'", password);
        return new RabbitMqEndpoint(_rabbitMq.Host, _rabbitMq.Port, virtualHost, user, password);
    }

    public async Task DeleteUserAsync(string user, CancellationToken cancellationToken) =>
        await _management.DeleteAsync($"/api/users/{Uri.EscapeDataString(user)}", cancellationToken);

    private Task RunBrokerScriptAsync(string command, string standardInput)
    {
        var credentials = Uri.UnescapeDataString(_managementUri.UserInfo).Split(':');
        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_MANAGEMENT_URL"] = _managementUri.GetLeftPart(UriPartial.Authority),
            ["RABBITMQ_ADMIN_USER"] = credentials[0],
            ["RABBITMQ_ADMIN_PASSWORD"] = credentials[1],
        };
        return Shell.RunAsync(command, TimeSpan.FromSeconds(60), environment, standardInput);
    }
}
