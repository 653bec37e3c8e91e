using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Persistence;

public static class PersistenceExtensions
{
    public const string ConnectionStringName = "Validation";

    /// <summary>
    /// The database (connection string <c>ConnectionStrings:Validation</c>), the readiness check,
    /// and personal-number protection with its keys validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        // Npgsql logs through the host's logging (parameter values stay out: parameter logging is off by default).
        builder.Services.AddSingleton(provider => new NpgsqlDataSourceBuilder(ConnectionString(provider))
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddDbContext<ValidationDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<ValidationDbContext>("database", tags: ["ready"]);

        builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PersonalDataOptions>, PersonalDataOptionsValidator>();
        builder.Services.AddSingleton<PersonalNumberProtector>();
        return builder;
    }

    private static string ConnectionString(IServiceProvider provider)
    {
        var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (environment: ConnectionStrings__{ConnectionStringName}).")
            : connectionString;
    }

    /// <summary>Applies the hand-written migrations; used by the <c>migrate</c> command and by tests.</summary>
    public static async Task MigrateAsync(this ValidationDbContext db, CancellationToken cancellationToken) =>
        await db.Database.MigrateAsync(cancellationToken);
}
