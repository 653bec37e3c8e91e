using System.Diagnostics;
using System.Globalization;
using MiddleServerValidation.Benchmarks.Runtime;
using MiddleServerValidation.Benchmarks.Scenarios;
using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Faults;

/// <summary>
/// The local stack scripts/faults.sh started (three RabbitMQ nodes, a PostgreSQL primary and its synchronous standby, found
/// through <c>MSV_FAULTS_*</c>) and the services this command runs on it: the J-LIS stub and two workers, each its own
/// process. Servers are failed with the stack's own functions (scripts/lib/services.sh), as an operator would.
/// </summary>
internal sealed class FaultStack : IAsyncDisposable
{
    public const int BrokerNodes = 3;

    private readonly ServiceProcess?[] _workers = new ServiceProcess?[2];
    private readonly Dictionary<string, string> _settings;
    private readonly string _logs;
    private readonly int _portsFrom;
    private ServiceProcess? _stub;

    private FaultStack(Dictionary<string, string> settings, string logs, int portsFrom) => (_settings, _logs, _portsFrom) = (settings, logs, portsFrom);

    public static string State => Required("MSV_FAULTS_STATE");

    public static int PostgresPort => int.Parse(Required("MSV_FAULTS_PG_PORT"), CultureInfo.InvariantCulture);

    public static int BrokerPort => int.Parse(Required("MSV_FAULTS_MQ_PORT"), CultureInfo.InvariantCulture);

    public static int ManagementPort => int.Parse(Required("MSV_FAULTS_MQ_MGMT_PORT"), CultureInfo.InvariantCulture);

    public static string Insurer => Required("MSV_FAULTS_INSURER");

    public static string InsurerPassword => Required("MSV_FAULTS_INSURER_PASSWORD");

    public static IReadOnlyList<AmqpTcpEndpoint> Nodes =>
        Enumerable.Range(0, BrokerNodes).Select(n => new AmqpTcpEndpoint("127.0.0.1", BrokerPort + n)).ToList();

    public IReadOnlyList<ServiceProcess> Workers => _workers.OfType<ServiceProcess>().ToList();

    public static async Task<FaultStack> StartAsync(BenchEnvironment environment, int portsFrom, CancellationToken cancellationToken)
    {
        var jlis = new Uri($"http://127.0.0.1:{portsFrom}");
        var settings = environment.ServiceSettings(jlis);
        settings["RabbitMq__ClusterNodes"] = Required("RabbitMq__ClusterNodes");
        // A killed worker's claimed notices go to the other once its lease runs out; production's default is two minutes.
        settings.TryAdd("Notices__SendTimeout", "00:00:05");
        settings.TryAdd("Notices__ClaimLease", "00:00:15");
        var stack = new FaultStack(settings, environment.WorkDirectory, portsFrom);
        stack._stub = await ServiceProcess.StartAsync("jlis-stub", Repository.Dll("JlisStub"), jlis, settings, environment.WorkDirectory, cancellationToken);
        await stack.StartWorkerAsync(0, cancellationToken);
        await stack.StartWorkerAsync(1, cancellationToken);
        return stack;
    }

    public async Task StartWorkerAsync(int index, CancellationToken cancellationToken) =>
        _workers[index] = await ServiceProcess.StartAsync($"worker-{index + 1}", Repository.Dll("Worker"),
            new Uri($"http://127.0.0.1:{_portsFrom + 1 + index}"), _settings, _logs, cancellationToken);

    /// <summary>SIGKILL: the worker ends where it stands, its chunk half done, nothing acknowledged.</summary>
    public async Task KillWorkerAsync(int index)
    {
        if (_workers[index] is { } worker)
        {
            await worker.DisposeAsync();
            _workers[index] = null;
        }
    }

    /// <summary>Every worker running answers /health/ready with 200, and both run.</summary>
    public async Task<bool> AllReadyAsync(CancellationToken cancellationToken)
    {
        if (_workers.Any(w => w is null))
        {
            return false;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var worker in _workers)
        {
            try
            {
                if (!(await http.GetAsync(new Uri(worker!.Url, "/health/ready"), cancellationToken)).IsSuccessStatusCode)
                {
                    return false;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    public static Task KillBrokerNodeAsync(int node) => ShellAsync($"msv_kill_rabbitmq '{NodeDirectory(node)}'");

    public static Task StopBrokerNodeAsync(int node) => ShellAsync($"msv_stop_rabbitmq '{NodeDirectory(node)}' {BrokerPort + node}");

    public static Task StartBrokerNodeAsync(int node) =>
        ShellAsync($"msv_start_rabbitmq '{NodeDirectory(node)}' {BrokerPort + node} {ManagementPort + node} && msv_await_quorum {ManagementPort + node}");

    public static Task StopPostgresAsync() => ShellAsync($"msv_stop_postgres '{State}/primary'");

    public static Task StartPostgresAsync() => ShellAsync($"msv_start_postgres '{State}/primary' {PostgresPort}");

    public static Task KillPostgresAsync() => ShellAsync($"msv_kill_postgres '{State}/primary'");

    public static Task PromoteStandbyAsync() => ShellAsync($"msv_promote_postgres '{State}/standby'");

    private static string NodeDirectory(int node) => Path.Combine(State, "rabbitmq", $"node-{node + 1}");

    private static async Task ShellAsync(string script)
    {
        var services = Path.Combine(Repository.Root, "scripts", "lib", "services.sh");
        var start = new ProcessStartInfo("bash", ["-c", $". '{services}'; {script}"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"`{script}` did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` failed ({process.ExitCode}): {await errors}");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run the faults through scripts/faults.sh.");

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.OfType<ServiceProcess>())
        {
            await worker.DisposeAsync();
        }

        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }
}
