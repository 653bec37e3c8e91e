namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>A host's health endpoints, as an orchestrator's probes see them.</summary>
public static class Readiness
{
    /// <summary>The status code of <paramref name="path"/>, or 0 when the host does not answer.</summary>
    public static async Task<int> StatusAsync(Uri host, string path)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return (int)(await http.GetAsync(path)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; <paramref name="gaveUp"/> says why to stop early, if it can.</summary>
    public static async Task<TimeSpan> WaitAsync(Uri host, TimeSpan timeout, Func<string?>? gaveUp = null)
    {
        var started = DateTime.UtcNow;
        while (await StatusAsync(host, "/health/ready") != 200)
        {
            if (gaveUp?.Invoke() is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            if (DateTime.UtcNow - started > timeout)
            {
                throw new TimeoutException($"{host} was not ready within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(200);
        }

        return DateTime.UtcNow - started;
    }
}
