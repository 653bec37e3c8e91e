using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// A fixture on servers of the class's own, which its tests stop, kill and start again: they are started before the
/// class's database, virtual host and insurers are made on them, and stopped after those are removed.
/// </summary>
public abstract class OwnServersFixture : ServiceFixture
{
    private ITestServers? _servers;
    private IReadOnlyList<IAsyncDisposable> _stopAfter = [];

    protected override ITestServers Servers => _servers ?? throw new InvalidOperationException("The class's own servers are not started yet.");

    /// <summary>
    /// Starts the servers (and stops whatever did start when one fails); answers what the class's database and virtual
    /// host are made on, and the servers to stop after them, in that order.
    /// </summary>
    protected abstract Task<(ITestServers Servers, IReadOnlyList<IAsyncDisposable> StopAfter)> StartServersAsync();

    public override async Task InitializeAsync()
    {
        (_servers, _stopAfter) = await StartServersAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_servers is null)
        {
            // The servers did not start (and what did was stopped then): nothing was made on them.
            return;
        }

        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            foreach (var server in _stopAfter)
            {
                await server.DisposeAsync();
            }
        }
    }
}
