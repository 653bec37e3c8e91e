using System.Globalization;
using MiddleServerValidation.Benchmarks.Runtime;
using MiddleServerValidation.Benchmarks.Seeding;
using MiddleServerValidation.Benchmarks.Synthetic;
using MiddleServerValidation.Benchmarks.Workload;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.InsurerKeys;
using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// <c>msv-bench all [--scale 1]</c>: the four figures of the batch issue in one run, on a fresh database.
/// (a) a batch file of 1,000,000 rows (90 % stored people) against 1,000,000 stored registrations, beside a bare
/// COPY of the same rows and the storage floor (the same rows COPYed into the registrations table's indexes); (b)
/// single registrations through RabbitMQ, beside a no-op consumer and the transport floor; (c) (b) again with
/// 10,000,000 registrations stored; (d) peak RSS of the worker and the web host during (a); (a') the batch again with
/// every row checked against J-LIS; (e) the full-store check's rate, and the time it would take for 10,000,000.
/// </summary>
internal static class FullRunScenario
{
    private const long BatchNewPeople = 50_000_000;
    private const long MessageNewPeople = 60_000_000;
    private const long LargeStoreNewPeople = 70_000_000;
    private const long EveryCheckedNewPeople = 80_000_000;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        BenchEnvironment.CreateKeys();
        using var host = BenchmarkHost.Create(args);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var scale = configuration.GetValue("scale", 1.0);
        var sizes = new Sizes(Scaled(1_000_000, scale), Scaled(1_000_000, scale), Scaled(100_000, scale), Scaled(10_000_000, scale));
        var ports = configuration.GetValue("ports-from", 5180);
        var environment = BenchEnvironment.From(configuration);
        var log = new RunLog();
        log.Step($"scale {scale}: {sizes.Stored:N0} stored, batch of {sizes.BatchRows:N0}, {sizes.Messages:N0} messages, large store {sizes.LargeStore:N0}");

        await environment.RecreateDatabaseAsync(cancellationToken);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ValidationDbContext>().MigrateAsync(cancellationToken);
        }

        var seeder = new StoreSeeder(environment.ConnectionString, host.Services.GetRequiredService<PersonalNumberProtector>());
        var seeded = await seeder.SeedAsync(sizes.Stored, SyntheticPopulation.Person, "SEED-", cancellationToken);
        await VacuumAsync(environment.ConnectionString, cancellationToken);
        log.Step($"seeded {sizes.Stored:N0} registrations in {seeded.TotalSeconds:F0} s");

        var caller = SyntheticPopulation.Insurers[0];
        var batchFile = Path.Combine(environment.WorkDirectory, "batch.csv");
        var batchRows = new WorkloadGenerator(sizes.Stored, BatchNewPeople, "B-", caller);
        var bytes = await BatchFileWriter.WriteAsync(batchFile, batchRows, sizes.BatchRows, cancellationToken);
        // The same mix with other ids and other new people, for the batch with every row checked against J-LIS.
        var everyFile = Path.Combine(environment.WorkDirectory, "batch-every.csv");
        await BatchFileWriter.WriteAsync(everyFile, new WorkloadGenerator(sizes.Stored, EveryCheckedNewPeople, "E-", caller), sizes.BatchRows, cancellationToken);
        var residents = Path.Combine(environment.WorkDirectory, "residents.csv");
        // J-LIS knows the stored people too: with every registration checked, and in the full-store check, they are asked about.
        await ResidentsFile.WriteAsync(residents, SeededResidents(sizes.Stored).Concat(new[] { BatchNewPeople, MessageNewPeople, LargeStoreNewPeople, EveryCheckedNewPeople }
            .SelectMany(from => WorkloadGenerator.Residents(from, Math.Max(sizes.BatchRows, sizes.Messages) / 8 + 100))), cancellationToken);
        log.Step($"batch file: {sizes.BatchRows:N0} rows, {bytes / 1e6:F0} MB ({batchRows.NewTaken:N0} new people)");

        var services = environment.ServiceSettings(new Uri($"http://127.0.0.1:{ports + 2}"));
        await using var stub = await ServiceProcess.StartAsync("jlis-stub", Repository.Dll("JlisStub"), new Uri($"http://127.0.0.1:{ports + 2}"),
            new Dictionary<string, string>(services) { ["JlisStub__ResidentsFile"] = residents }, environment.WorkDirectory, cancellationToken);
        // (a) as before 2024: J-LIS asked only for numbers without history; then the default, every row checked.
        var worker = await ServiceProcess.StartAsync("worker", Repository.Dll("Worker"), new Uri($"http://127.0.0.1:{ports + 1}"),
            new Dictionary<string, string>(services) { ["Processing__JlisCheck"] = "WithoutHistory" }, environment.WorkDirectory, cancellationToken);
        await using var web = await ServiceProcess.StartAsync("web", Repository.Dll("Web"), new Uri($"http://127.0.0.1:{ports}"),
            services, environment.WorkDirectory, cancellationToken);
        try
        {
            var apiKey = await CreateApiKeyAsync(host.Services, caller, cancellationToken);
            log.Step("J-LIS stub, worker and web host running");

            var profile = new CpuProfile();
            profile.Add("worker", () => worker.CpuSeconds);
            profile.Add("web host", () => web.CpuSeconds);
            profile.Add("J-LIS stub", () => stub.CpuSeconds);
            await profile.AddPostgresAsync(environment.ConnectionString, cancellationToken);
            profile.AddRabbitMq(environment.RabbitPort);
            profile.AddSelf();

            var floor = await BareCopyFloor.RowsPerSecondAsync(environment.ConnectionString, batchFile, cancellationToken);
            log.Step($"bare COPY floor: {floor:N0} rows/s");
            var storageFloor = await StorageFloor.RowsPerSecondAsync(
                environment.ConnectionString, batchFile, host.Services.GetRequiredService<PersonalNumberProtector>(), cancellationToken);
            log.Step($"storage floor (COPY into the registrations table's columns and indexes): {storageFloor:N0} rows/s");

            var statements = new StatementProfile(environment.ConnectionString);
            await statements.EnableAsync(cancellationToken);
            var before = profile.Snapshot();
            var batch = await BatchThroughput.RunAsync(web.Url, apiKey, batchFile, sizes.BatchRows, cancellationToken);
            var batchCpu = CpuProfile.Between(before, profile.Snapshot());
            var batchStatements = await statements.TopAsync(12, cancellationToken);
            var (workerPeak, webPeak) = (worker.PeakResidentBytes, web.PeakResidentBytes);
            log.Step($"(a) batch: {batch.RowsPerSecond:N0} rows/s (J-LIS only for numbers without history)");

            await worker.DisposeAsync();
            worker = null!;
            worker = await ServiceProcess.StartAsync("worker", Repository.Dll("Worker"), new Uri($"http://127.0.0.1:{ports + 1}"),
                services, environment.WorkDirectory, cancellationToken);
            var every = await BatchThroughput.RunAsync(web.Url, apiKey, everyFile, sizes.BatchRows, cancellationToken);
            log.Step($"(a') batch: {every.RowsPerSecond:N0} rows/s (every row checked against J-LIS)");

            await statements.ResetAsync(cancellationToken);
            var messages = await MessagesAsync(environment, profile, sizes.Stored, MessageNewPeople, "S1-", "bench-b", sizes.Messages, log, cancellationToken);
            var messageStatements = await statements.TopAsync(8, cancellationToken);

            // (e) before (c): J-LIS (the stub) knows the people stored so far, not the ones (c) adds to reach its size.
            var audit = await JlisAuditRun.RunAsync(services, environment.WorkDirectory, environment.ConnectionString, cancellationToken);
            log.Step($"(e) jlis-audit: {audit.Compared:N0} registrations in {audit.Elapsed.TotalSeconds:F0} s");

            MessageRun? large = null;
            var stored = await CountRegistrationsAsync(environment.ConnectionString, cancellationToken);
            if (configuration.GetValue("skip-large", false))
            {
                log.Step("(c) skipped (--skip-large)");
            }
            else if (stored < sizes.LargeStore)
            {
                var more = sizes.LargeStore - stored;
                var elapsed = await seeder.SeedAsync(more, k => SyntheticPopulation.Person(sizes.Stored + k), "SEED2-", cancellationToken);
                await VacuumAsync(environment.ConnectionString, cancellationToken);
                log.Step($"seeded {more:N0} more registrations ({await CountRegistrationsAsync(environment.ConnectionString, cancellationToken):N0} stored) in {elapsed.TotalSeconds:F0} s");
            }

            if (!configuration.GetValue("skip-large", false))
            {
                large = await MessagesAsync(environment, profile, sizes.LargeStore, LargeStoreNewPeople, "S2-", "bench-c", sizes.Messages, log, cancellationToken);
            }

            Report.Print(new RunFigures(scale, sizes, floor, storageFloor, batch, batchCpu, workerPeak, webPeak, messages, large)
                { EveryChecked = every, Audit = audit }, Console.Out);
            Report.Statements("(a)", batchStatements, Console.Out);
            Report.Statements("(b)", messageStatements, Console.Out);
        }
        finally
        {
            // The worker of the moment: the first one is replaced after (a) by one with the default policy.
            if (worker is not null)
            {
                await worker.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task<MessageRun> MessagesAsync(
        BenchEnvironment environment, CpuProfile profile, long stored, long newFrom, string prefix, string tag, long count, RunLog log,
        CancellationToken cancellationToken)
    {
        var registrations = SingleRegistrations.Bodies(new WorkloadGenerator(stored, newFrom, prefix, callerInsurer: null), count, tag);
        var bodies = registrations.Select(r => r.Body).ToList();
        var noOp = await NoOpTransportFloor.MessagesPerSecondAsync(environment, bodies, cancellationToken);
        var transport = await NoticeTransportFloor.MessagesPerSecondAsync(environment, bodies, cancellationToken);
        var before = profile.Snapshot();
        var figures = await SingleRegistrations.RunAsync(environment, registrations, tag, cancellationToken);
        var cpu = CpuProfile.Between(before, profile.Snapshot());
        log.Step($"({(tag.EndsWith('b') ? "b" : "c")}) {figures.PerSecond:N0} registrations/s end to end; no-op consumer {noOp:N0} msg/s, " +
            $"transport floor {transport:N0} msg/s");
        return new MessageRun(stored, figures, noOp, transport, cpu);
    }

    private static async Task<string> CreateApiKeyAsync(IServiceProvider services, string insurer, CancellationToken cancellationToken)
    {
        var (keyId, key) = ApiKeyFormat.Generate();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ValidationDbContext>();
        db.Add(new InsurerApiKey { KeyId = keyId, InsurerNumber = insurer, SecretHash = ApiKeyFormat.Hash(key), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>A store as autovacuum keeps it: bulk-loaded pages marked all-visible, so history reads stay index-only.</summary>
    private static async Task VacuumAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE) registrations", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountRegistrationsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM registrations", connection) { CommandTimeout = 0 };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static IEnumerable<SyntheticPerson> SeededResidents(long stored)
    {
        for (var k = 0L; k < stored; k++)
        {
            yield return SyntheticPopulation.Person(k);
        }
    }

    private static long Scaled(long size, double scale) => Math.Max(1_000, (long)(size * scale));

    private sealed class RunLog
    {
        private readonly DateTime _started = DateTime.UtcNow;

        public void Step(string text) => BenchmarkConsole.Line(string.Create(CultureInfo.InvariantCulture,
            $"[{(DateTime.UtcNow - _started).TotalSeconds,6:F0} s] {text}"));
    }
}

public sealed record Sizes(long Stored, long BatchRows, long Messages, long LargeStore);

/// <param name="TransportPerSecond">The transport floor: one notice-sized message sent per message consumed.</param>
public sealed record MessageRun(
    long Stored, MessageFigures Figures, double NoOpPerSecond, double TransportPerSecond, IReadOnlyList<(string Name, double Seconds)> Cpu);

public sealed record RunFigures(
    double Scale, Sizes Sizes, double FloorRowsPerSecond, double StorageFloorRowsPerSecond, BatchFigures Batch, IReadOnlyList<(string Name, double Seconds)> BatchCpu,
    long WorkerPeakBytes, long WebPeakBytes, MessageRun Messages, MessageRun? LargeStore)
{
    /// <summary>(a') the same batch with every row checked against J-LIS (the default policy).</summary>
    public BatchFigures? EveryChecked { get; init; }

    /// <summary>(e) the full-store check over the store as the run left it.</summary>
    public AuditFigures? Audit { get; init; }
}
