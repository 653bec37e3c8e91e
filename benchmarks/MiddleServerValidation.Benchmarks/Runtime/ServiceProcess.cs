using System.Diagnostics;

namespace MiddleServerValidation.Benchmarks.Runtime;

/// <summary>
/// One of the service's hosts (worker, web host, J-LIS stub) run as its own process from its build output, so
/// that its memory and CPU are its own. Output goes to a log file; settings come as environment variables.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(string name, Process process, Uri url) => (Name, _process, Url) = (name, process, url);

    public string Name { get; }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public long PeakResidentBytes => ProcessStats.PeakResidentBytes(Pid);

    public double CpuSeconds => ProcessStats.CpuSeconds(Pid);

    public static async Task<ServiceProcess> StartAsync(
        string name, string dll, Uri url, IReadOnlyDictionary<string, string> environment, string logDirectory, CancellationToken cancellationToken,
        TimeSpan? readyWithin = null)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = url.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(name, process, url);
        await service.WaitReadyAsync(readyWithin ?? TimeSpan.FromSeconds(120), cancellationToken);
        return service;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan readyWithin, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + readyWithin;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}; see its log.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {readyWithin.TotalSeconds:F0} s; see its log.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
