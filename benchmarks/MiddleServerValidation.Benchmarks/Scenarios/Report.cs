using System.Globalization;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>The run's figures beside the issue's targets, and where the CPU went.</summary>
public static class Report
{
    private const double MiB = 1024 * 1024;

    public static void Print(RunFigures f, TextWriter output)
    {
        var lines = new List<string>
        {
            "",
            $"== figures (scale {f.Scale}, {Environment.ProcessorCount} cores) ==",
            $"(a) batch file of {f.Sizes.BatchRows:N0} rows against {f.Sizes.Stored:N0} stored registrations",
            $"    batch path      {f.Batch.RowsPerSecond,10:N0} rows/s   ({f.Batch.Total.TotalSeconds:F1} s: upload {f.Batch.Upload.TotalSeconds:F1} s, " +
                $"then decided in {(f.Batch.Total - f.Batch.Upload).TotalSeconds:F1} s)",
            $"    bare COPY floor {f.FloorRowsPerSecond,10:N0} rows/s   (batch path is {f.FloorRowsPerSecond / f.Batch.RowsPerSecond:F2}× slower)",
            $"    storage floor   {f.StorageFloorRowsPerSecond,10:N0} rows/s   (COPY into the registrations table's columns and indexes; " +
                $"batch path takes {f.StorageFloorRowsPerSecond / f.Batch.RowsPerSecond:F2}× its time)",
            $"    outcomes        accepted {f.Batch.Accepted:N0}, rejected {f.Batch.Rejected:N0}, suspected {f.Batch.Suspected:N0}, pending {f.Batch.Pending:N0}",
            Target("≥ 50,000 rows/s and at most 2× the storage floor's time",
                f.Batch.RowsPerSecond >= 50_000 && f.StorageFloorRowsPerSecond / f.Batch.RowsPerSecond <= 2),
            Cpu(f.BatchCpu, f.Batch.Total),
        };
        if (f.EveryChecked is { } every)
        {
            lines.Add($"(a') the same batch with every row checked against J-LIS by its number (Processing:JlisCheck=EveryRegistration, the default)");
            lines.Add($"    batch path      {every.RowsPerSecond,10:N0} rows/s   ({every.Total.TotalSeconds:F1} s), beside {f.Batch.RowsPerSecond:N0} rows/s " +
                $"with J-LIS only for numbers without history ({every.RowsPerSecond / f.Batch.RowsPerSecond - 1:+0.0 %;-0.0 %})");
            lines.Add($"    outcomes        accepted {every.Accepted:N0}, rejected {every.Rejected:N0}, suspected {every.Suspected:N0}, pending {every.Pending:N0}");
        }

        lines.AddRange(Messages("(b)", f.Messages));
        lines.Add(Target("≥ 70 % of the transport floor", f.Messages.Figures.PerSecond >= 0.7 * f.Messages.TransportPerSecond));
        if (f.LargeStore is { } large)
        {
            lines.AddRange(Messages("(c)", large));
            var change = large.Figures.PerSecond / f.Messages.Figures.PerSecond - 1;
            lines.Add($"    against (b)     {change,10:+0.0 %;-0.0 %}");
            lines.Add(Target("within 15 % of (b)", change >= -0.15));
        }

        if (f.Audit is { } audit)
        {
            lines.Add($"(e) full-store check (msv reconcile --steps jlis-audit) over the store as the run left it");
            lines.Add($"    measured        {audit.Compared:N0} registrations in {audit.Elapsed.TotalSeconds:F1} s = {audit.PerSecond:N0} registrations/s " +
                $"({audit.Mismatches:N0} held)");
            lines.Add($"    10,000,000      {audit.Extrapolated(10_000_000).TotalMinutes:F0} min — EXTRAPOLATED from the measured rate; " +
                "scripts/benchmark.sh reconcile measures it on a 10,000,000 store with the other nightly steps");
        }

        lines.Add($"(d) peak RSS during (a): worker {f.WorkerPeakBytes / MiB:N0} MiB, web host {f.WebPeakBytes / MiB:N0} MiB");
        lines.Add(Target("under 500 MB each", f.WorkerPeakBytes < 500e6 && f.WebPeakBytes < 500e6));
        foreach (var line in lines)
        {
            output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void Statements(string label, IReadOnlyList<string> statements, TextWriter output)
    {
        output.WriteLine($"PostgreSQL statements during {label}, by total time:");
        foreach (var line in statements)
        {
            output.WriteLine("    " + line);
        }
    }

    private static IEnumerable<string> Messages(string label, MessageRun run) =>
    [
        $"{label} {run.Figures.Messages:N0} single registrations through RabbitMQ, {run.Stored:N0} registrations stored",
        $"    end to end      {run.Figures.PerSecond,10:N0} registrations/s   (all decided after {run.Figures.Decided.TotalSeconds:F1} s, " +
            $"last notice out after {run.Figures.EndToEnd.TotalSeconds:F1} s)",
        $"    no-op consumer  {run.NoOpPerSecond,10:N0} messages/s   (end to end is {run.Figures.PerSecond / run.NoOpPerSecond:P0} of it)",
        $"    transport floor {run.TransportPerSecond,10:N0} messages/s   (one notice sent per message; end to end is " +
            $"{run.Figures.PerSecond / run.TransportPerSecond:P0} of it)",
        Cpu(run.Cpu, run.Figures.EndToEnd),
    ];

    private static string Target(string target, bool met) => $"    target {target}: {(met ? "met" : "MISSED")}";

    private static string Cpu(IReadOnlyList<(string Name, double Seconds)> cpu, TimeSpan wall) =>
        $"    CPU seconds     {string.Join(", ", cpu.OrderByDescending(c => c.Seconds).Select(c => $"{c.Name} {c.Seconds:F1}"))} " +
        $"(of {Environment.ProcessorCount} × {wall.TotalSeconds:F1} s)";
}
