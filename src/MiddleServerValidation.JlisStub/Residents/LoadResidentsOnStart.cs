namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>Loads the residents file while the host starts, so a bad file fails start-up, not the first lookup.</summary>
internal sealed class LoadResidentsOnStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ResidentDirectory>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
