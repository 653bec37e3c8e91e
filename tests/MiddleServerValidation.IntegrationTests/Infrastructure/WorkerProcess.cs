using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// The built worker run as a process of its own, with a test class's settings in its environment: the only way to kill a
/// worker for real (SIGKILL, mid-chunk), with no chance to finish, roll back politely or acknowledge anything.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    public IReadOnlyCollection<string> Output => _output;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [WorkerDll()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WorkerDll())!,
        };
        foreach (var (key, value) in settings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var url = new Uri($"http://127.0.0.1:{port}");
        start.Environment["Urls"] = url.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        var worker = new WorkerProcess(process, url);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process ends where it stands.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Waits for <c>/health/ready</c> to answer 200.</summary>
    public Task WaitReadyAsync(TimeSpan timeout) => Readiness.WaitAsync(Url, timeout, () => _process.HasExited
        ? $"the worker exited ({_process.ExitCode}): {string.Join('\n', _output.TakeLast(20))}"
        : null);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Built beside this project (the solution build), in the same configuration.
    private static string WorkerDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var dll = Path.Combine(RepositoryRoot.Path, "src", "MiddleServerValidation.Worker", "bin", here.Parent!.Name, here.Name, "MiddleServerValidation.Worker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first (dotnet build).", dll);
    }
}
