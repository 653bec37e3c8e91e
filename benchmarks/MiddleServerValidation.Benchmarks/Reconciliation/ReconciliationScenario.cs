using System.Diagnostics;
using System.Globalization;
using MiddleServerValidation.Benchmarks.Runtime;
using MiddleServerValidation.Benchmarks.Seeding;
using MiddleServerValidation.Benchmarks.Synthetic;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reports;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Reconciliation;

/// <summary>
/// <c>msv-bench reconcile --count N</c>: a full reconciliation of a store of N registrations (seeded once with
/// <see cref="ConflictingPopulation"/>, reused by later runs of the same size), the full-store J-LIS check included,
/// against the J-LIS stub started as a process of its own knowing the store's people; each step's time printed.
/// The target: 10,000,000 registrations within 5 minutes. Use a database of its own: earlier reconciliation
/// results in it are reset before each run. <c>--jlis-port</c> (5190) is where the stub listens.
/// </summary>
internal static class ReconciliationScenario
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = new ConfigurationBuilder().AddCommandLine(args).Build();
        var jlis = new Uri($"http://127.0.0.1:{arguments.GetValue("jlis-port", 5190)}");
        using var host = CreateHost(args, jlis);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var count = configuration.GetValue("count", 10_000_000L);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ValidationDbContext>().MigrateAsync(cancellationToken);
        }

        var stored = await ScalarAsync<long>(dataSource, "SELECT count(*) FROM registrations", cancellationToken);
        if (stored != count)
        {
            if (stored != 0)
            {
                BenchmarkConsole.Error(string.Create(CultureInfo.InvariantCulture, $"reconcile: the database holds {stored:N0} registrations, not {count:N0}: use an empty database of its own."));
                return 2;
            }

            var seeder = new StoreSeeder(dataSource.ConnectionString, host.Services.GetRequiredService<PersonalNumberProtector>());
            var seeded = await seeder.SeedAsync(count, ConflictingPopulation.Person, "RECON-", cancellationToken);
            Print($"reconcile: seeded {count:N0} registrations in {seeded.TotalSeconds:F1} s");
        }

        var reset = Stopwatch.StartNew();
        await StoreState.ResetAsync(dataSource, cancellationToken);
        Print($"reconcile: earlier results reset, VACUUM ANALYZE done in {reset.Elapsed.TotalSeconds:F1} s (not counted)");

        await using var stub = await StartStubAsync(configuration, count, jlis, cancellationToken);
        var runner = host.Services.GetRequiredService<ReconciliationRunner>();
        var total = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(
            new RunRequest(ReconciliationTriggers.Command, TokyoCalendar.Today(TimeProvider.System),
                ReconciliationSteps.Ordered.Where(step => ReconciliationSteps.All.Contains(step) || step == ReconciliationSteps.JlisAudit).ToArray()),
            cancellationToken);
        total.Stop();
        foreach (var step in outcome.Steps.OrderBy(s => s.StartedAt))
        {
            var counts = string.Join(", ", RunStore.CountsOf(step).Select(c => $"{c.Key}={c.Value:N0}"));
            Print($"reconcile: step {step.Step,-12} {(step.FinishedAt - step.StartedAt)?.TotalSeconds,7:F1} s  {counts}");
        }

        var verdict = total.Elapsed <= Target ? "within" : "OVER";
        Print($"reconcile: total {total.Elapsed.TotalSeconds:F1} s for {count:N0} registrations: {outcome.Kind} ({verdict} the {Target.TotalMinutes:0}-minute target)");

        var report = host.Services.GetRequiredService<IDataQualityFigures>();
        var rendering = Stopwatch.StartNew();
        var html = DataQualityReport.Html(await report.LoadAsync(new ReportQuery(), cancellationToken));
        Print($"reconcile: report of {html.Length / 1024:N0} KB rendered in {rendering.Elapsed.TotalMilliseconds:N0} ms");
        return outcome.Kind == RunOutcomeKind.Succeeded ? 0 : 1;
    }

    // J-LIS knows every person of the store (each as first registered): the full-store check asks about them all.
    private static async Task<ServiceProcess> StartStubAsync(IConfiguration configuration, long count, Uri url, CancellationToken cancellationToken)
    {
        var work = Path.GetFullPath(configuration["work-dir"] ?? Path.Combine(Repository.Root, ".local", "bench", "work"));
        Directory.CreateDirectory(work);
        var residents = Path.Combine(work, $"residents-reconcile-{count}.csv");
        var clock = Stopwatch.StartNew();
        if (!File.Exists(residents))
        {
            await ResidentsFile.WriteAsync(residents + ".part", ConflictingPopulation.Residents(count), cancellationToken);
            File.Move(residents + ".part", residents);
        }

        var stub = await ServiceProcess.StartAsync("jlis-stub-reconcile", Repository.Dll("JlisStub"), url, new Dictionary<string, string>
        {
            ["JlisStub__ResidentsFile"] = residents,
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, work, cancellationToken, readyWithin: TimeSpan.FromMinutes(10));
        Print($"reconcile: J-LIS stub knows the store's people, ready in {clock.Elapsed.TotalSeconds:F1} s (not counted)");
        return stub;
    }

    // Like BenchmarkHost, with the reconciliation (which brings the persistence with it).
    private static IHost CreateHost(string[] args, Uri jlis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args, ApplicationName = "msv-bench", ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jlis:BaseAddress"] = jlis.ToString(),
            // Keys of the run's own unless given (a store kept for later runs needs the same ones: set PersonalData__*).
            ["PersonalData:HmacKey"] = builder.Configuration["PersonalData:HmacKey"] ?? RandomKey(),
            ["PersonalData:EncryptionKey"] = builder.Configuration["PersonalData:EncryptionKey"]
                ?? (builder.Configuration.GetSection("PersonalData:EncryptionKeys").Exists() ? null : RandomKey()),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddReconciliation();
        return builder.Build();
    }

    private static string RandomKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void Print(FormattableString line) => BenchmarkConsole.Line(line.ToString(CultureInfo.InvariantCulture));
}
