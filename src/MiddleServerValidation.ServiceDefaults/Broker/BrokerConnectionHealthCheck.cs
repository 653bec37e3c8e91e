using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>
/// Whether the broker can be reached now, with the host's own user, through a connection kept open between probes.
/// MassTransit's bus check cannot say so for a host without consumers (the web host): its only endpoint is started
/// on first use and reads "ready" while the broker is down.
/// </summary>
public sealed class BrokerConnectionHealthCheck(IOptions<RabbitMqOptions> options, IHostEnvironment environment) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                await DropAsync();
                _connection = await options.Value.ConnectAsync($"{environment.ApplicationName} readiness", cancellationToken);
            }

            return HealthCheckResult.Healthy($"connected to {_connection.Endpoint.HostName}:{_connection.Endpoint.Port}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            return HealthCheckResult.Unhealthy("The broker cannot be reached.", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException or OperationCanceledException)
            {
                // Gone with its node already.
            }
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
