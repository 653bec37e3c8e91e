using System.Globalization;
using MiddleServerValidation.Benchmarks.Synthetic;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Seeding;

/// <summary><c>msv-bench seed --count N</c>: migrates the database and stores persons 0..N-1 as accepted registrations.</summary>
internal static class SeedScenario
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var host = BenchmarkHost.Create(args);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var count = configuration.GetValue("count", 1_000_000L);
        var prefix = configuration.GetValue("prefix", "SEED-")!;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ValidationDbContext>().MigrateAsync(cancellationToken);
        }

        var seeder = new StoreSeeder(
            host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString,
            host.Services.GetRequiredService<PersonalNumberProtector>());
        var elapsed = await seeder.SeedAsync(count, SyntheticPopulation.Person, prefix, cancellationToken);
        BenchmarkConsole.Line(string.Create(CultureInfo.InvariantCulture,
            $"seed: {count:N0} registrations stored in {elapsed.TotalSeconds:F1} s ({count / elapsed.TotalSeconds:N0} rows/s, indexes included)"));
        return 0;
    }
}
