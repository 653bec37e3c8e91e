using MiddleServerValidation.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.Benchmarks;

/// <summary>
/// Services and settings for a scenario: the database (<c>ConnectionStrings:Validation</c>) and the
/// personal-data keys (<c>PersonalData:*</c>), from the environment or <c>--Key value</c> arguments.
/// </summary>
internal static class BenchmarkHost
{
    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = "msv-bench",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        // The figures are the output: keep the console to warnings, and without EF's expected
        // "history table missing" error on a fresh database.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddPersistence();
        return builder.Build();
    }
}
