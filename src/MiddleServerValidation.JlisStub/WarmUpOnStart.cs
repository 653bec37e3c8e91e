using MiddleServerValidation.JlisStub.Faults;
using MiddleServerValidation.JlisStub.Residents;

namespace MiddleServerValidation.JlisStub;

/// <summary>
/// Creates the singletons while the host starts rather than on the first lookup: a bad residents file
/// then fails start-up, and the faults in force are logged before any request arrives.
/// </summary>
internal sealed class WarmUpOnStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ResidentDirectory>();
        _ = services.GetRequiredService<FaultInjector>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
