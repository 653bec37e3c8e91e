using System.Diagnostics;
using System.Globalization;
using MiddleServerValidation.Benchmarks.Scenarios;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.Benchmarks.Faults;

/// <summary>
/// <c>msv-bench faults [--count 600] [--rate 60] [--only a,b]</c> (run by scripts/faults.sh, which starts the stack): for each
/// fault, a stream of registrations is published as an insurer, the fault injected 2 s in, and once everything settles the
/// figures are counted: sent, final outcomes, lost, duplicated, and the time from the fault until the service recovered
/// (a registration published after the fault began decided; every worker ready again).
/// </summary>
internal static class FaultScenario
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        BenchEnvironment.CreateKeys();
        using var host = BenchmarkHost.Create(args);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var count = configuration.GetValue("count", 600);
        var rate = configuration.GetValue("rate", 60);
        var only = configuration["only"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var faults = Fault.All.Where(f => only is null || only.Contains(f.Name)).ToList();
        var environment = BenchEnvironment.From(configuration);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ValidationDbContext>().MigrateAsync(cancellationToken);
        }

        await using var stack = await FaultStack.StartAsync(environment, configuration.GetValue("ports-from", 5280), cancellationToken);
        BenchmarkConsole.Line($"two workers, three broker nodes, a primary with a synchronous standby; {count} registrations at {rate}/s per fault");
        var results = new List<FaultResult>();
        for (var i = 0; i < faults.Count; i++)
        {
            var result = await RunFaultAsync(faults[i], stack, environment.ConnectionString, count, rate, seed: 80_000_000L + i * 1_000_000L, cancellationToken);
            BenchmarkConsole.Line(result.Line());
            results.Add(result);
        }

        BenchmarkConsole.Line("");
        BenchmarkConsole.Line(FaultResult.Header);
        results.ForEach(r => BenchmarkConsole.Line(r.Line()));
        return results.All(r => r.Lost == 0 && r.Duplicated == 0) ? 0 : 1;
    }

    private static async Task<FaultResult> RunFaultAsync(
        Fault fault, FaultStack stack, string connectionString, int count, int rate, long seed, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(k => $"{fault.Name}-{k}".ToUpperInvariant()).ToList();
        var bodies = ids.Select((id, k) => InsurerStream.Body(id, FaultStack.Insurer, Number(seed + k))).ToList();
        var stream = new InsurerStream(FaultStack.Nodes, FaultStack.Insurer, FaultStack.InsurerPassword);
        var publishing = stream.PublishAsync(bodies, rate, cancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var clock = Stopwatch.StartNew();
        var later = ids.Skip(stream.Confirmed).ToList();
        var injecting = fault.InjectAsync(stack, cancellationToken);
        var deciding = WaitAsync(() => FaultAudit.AnyStoredAsync(connectionString, later, cancellationToken), clock, cancellationToken);
        var ready = WaitAsync(async () => injecting.IsCompleted && await stack.AllReadyAsync(cancellationToken), clock, cancellationToken);
        await injecting;
        var lasted = clock.Elapsed;
        await publishing;
        var figures = await FaultAudit.WaitAsync(connectionString, ids, SettleTimeout, cancellationToken);
        return new FaultResult(fault.Name, count, stream.Resent, figures, lasted, await deciding, await ready);
    }

    /// <summary>The time from the fault's start until <paramref name="condition"/> holds (null: not within the settle time).</summary>
    private static async Task<TimeSpan?> WaitAsync(Func<Task<bool>> condition, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (clock.Elapsed < SettleTimeout)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(200, cancellationToken);
        }

        return null;
    }

    private static string Number(long seed)
    {
        var body = (10_000_000_000 + seed).ToString("D11", CultureInfo.InvariantCulture);
        return body + PersonalNumber.ComputeCheckDigit(body);
    }
}

/// <param name="FaultLasted">From the fault's start until the failed part was back (or replaced: the standby promoted).</param>
/// <param name="DecidingAgain">From the fault's start until a registration published after it began was decided.</param>
/// <param name="ReadyAgain">From the fault's start until the failed part was back and every worker answered ready.</param>
internal sealed record FaultResult(
    string Name, int Sent, int Resent, AuditFigures Figures, TimeSpan FaultLasted, TimeSpan? DecidingAgain, TimeSpan? ReadyAgain)
{
    public const string Header =
        "fault               sent  resent  final  notices  lost  duplicated  notice copies  fault lasted  deciding again  ready again";

    /// <summary>A registration without its final outcome, or whose notice never reached the insurer's queue.</summary>
    public int Lost => Math.Max(Sent - Figures.FinalOutcomes, Sent - Figures.NoticesDelivered);

    /// <summary>A registration stored twice or decided twice (a second final notice): never allowed.</summary>
    public int Duplicated => Figures.StoredTwice + Figures.DoubledOutcomes;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-18} {Sent,5} {Resent,7} {Figures.FinalOutcomes,6} {Figures.NoticesDelivered,8} {Lost,5} {Duplicated,11} {Figures.NoticeCopies,14} {FaultLasted.TotalSeconds,11:F1} s {Seconds(DecidingAgain),14} {Seconds(ReadyAgain),12}");

    private static string Seconds(TimeSpan? time) => time is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F1} s") : "never";
}
