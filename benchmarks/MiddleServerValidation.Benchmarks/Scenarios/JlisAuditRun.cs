using System.Diagnostics;
using System.Text.Json;
using MiddleServerValidation.Benchmarks.Runtime;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// (e) The full-store check: <c>msv reconcile --steps jlis-audit</c> as a separate process over the store as the run
/// left it, against the J-LIS stub. The registrations it compared come from the step's own counts.
/// </summary>
public static class JlisAuditRun
{
    public static async Task<AuditFigures> RunAsync(IReadOnlyDictionary<string, string> services, string workDirectory, string connectionString,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Repository.Cli(), "reconcile", "--steps", "jlis-audit"])
        {
            WorkingDirectory = workDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in services)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("msv reconcile did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"msv reconcile --steps jlis-audit failed ({process.ExitCode}): {await output}{await errors}");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT counts::text FROM reconciliation_steps WHERE step = 'jlis-audit' ORDER BY started_at DESC LIMIT 1", connection);
        var counts = JsonSerializer.Deserialize<Dictionary<string, long>>((string)(await command.ExecuteScalarAsync(cancellationToken))!)!;
        return new AuditFigures(counts.GetValueOrDefault("compared"), counts.GetValueOrDefault("mismatches"), elapsed);
    }
}

public sealed record AuditFigures(long Compared, long Mismatches, TimeSpan Elapsed)
{
    public double PerSecond => Compared / Elapsed.TotalSeconds;

    /// <summary>The time for <paramref name="registrations"/> at the measured rate (an extrapolation, not a measurement).</summary>
    public TimeSpan Extrapolated(long registrations) => TimeSpan.FromSeconds(registrations / PerSecond);
}
