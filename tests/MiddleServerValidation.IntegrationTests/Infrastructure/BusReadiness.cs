using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Waits for a host's bus to be connected with every endpoint consuming, as /health/ready sees it.</summary>
public static class BusReadiness
{
    public static async Task WaitAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var bus = services.GetRequiredService<IBusControl>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!cancellationToken.CanBeCanceled)
        {
            patience.CancelAfter(TimeSpan.FromMinutes(1));
        }

        var health = bus.CheckHealth();
        while (health.Status != BusHealthStatus.Healthy)
        {
            try
            {
                await Task.Delay(50, patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The bus did not become ready: {health.Description}", health.Exception);
            }

            health = bus.CheckHealth();
        }
    }
}
