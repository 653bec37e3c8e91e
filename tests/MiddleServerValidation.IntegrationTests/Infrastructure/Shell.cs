using System.Diagnostics;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Runs the project's own server scripts (scripts/lib/services.sh) from a test, as an operator would.</summary>
public static class Shell
{
    public static async Task RunAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", $". \"{RepositoryRoot.Services}\"; {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{script}` did not finish within {timeout.TotalSeconds:0} s: {await errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
