namespace MiddleServerValidation.Benchmarks;

/// <summary>A named benchmark: <c>msv-bench NAME [--option value ...]</c>.</summary>
public sealed record Scenario(string Name, string Description, Func<string[], CancellationToken, Task<int>> RunAsync)
{
    public static async Task<int> DispatchAsync(IReadOnlyList<Scenario> scenarios, string[] args)
    {
        var scenario = args.Length == 0 ? null : scenarios.FirstOrDefault(s => s.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        if (scenario is null)
        {
            BenchmarkConsole.Error("使い方: msv-bench SCENARIO [--option value ...]");
            foreach (var s in scenarios)
            {
                BenchmarkConsole.Error($"  {s.Name,-14} {s.Description}");
            }

            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await scenario.RunAsync(args[1..], cancellation.Token);
    }
}
