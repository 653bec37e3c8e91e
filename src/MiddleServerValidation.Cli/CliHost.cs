using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MiddleServerValidation.Cli;

/// <summary>A host per command: configuration from appsettings.json beside the binary and the environment.</summary>
internal static class CliHost
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "msv",
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        return builder;
    }
}
