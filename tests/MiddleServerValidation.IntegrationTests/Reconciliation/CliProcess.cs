using System.Diagnostics;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>Runs the built <c>msv</c> command line as an operator would, with the test class's settings in its environment.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(ServiceFixture fixture, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(MsvDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in fixture.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await error);
    }

    // The command line is built beside this project (a project reference without its assembly), in the same configuration.
    private static string MsvDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MiddleServerValidation.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "src", "MiddleServerValidation.Cli", "bin", configuration, framework, "msv.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the command line first (dotnet build).", dll);
    }
}
