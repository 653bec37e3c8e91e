namespace MiddleServerValidation.Benchmarks.Faults;

/// <summary>A fault injected while a stream of registrations flows; it returns once the failed part is back (or replaced).</summary>
internal sealed record Fault(string Name, string Description, Func<FaultStack, CancellationToken, Task> InjectAsync)
{
    /// <summary>In this order: the last one leaves the standby as the primary, with no standby behind it.</summary>
    public static IReadOnlyList<Fault> All { get; } =
    [
        new("worker-kill", "worker 2 killed (SIGKILL) mid-chunk three times beside worker 1, started again each time", KillWorkerAsync),
        new("broker-node-kill", "RabbitMQ node 1 (the workers' first) killed (kill -9), started again 10 s later", KillBrokerNodeAsync),
        new("broker-restart", "rolling restart: each RabbitMQ node stopped and started in turn", RestartBrokerAsync),
        new("postgres-stop", "PostgreSQL primary stopped for 20 s, then started", StopPostgresAsync),
        new("postgres-failover", "PostgreSQL primary killed (kill -9), the synchronous standby promoted 2 s later", FailOverPostgresAsync),
    ];

    private static async Task KillWorkerAsync(FaultStack stack, CancellationToken cancellationToken)
    {
        for (var kill = 0; kill < 3; kill++)
        {
            await stack.KillWorkerAsync(1);
            await stack.StartWorkerAsync(1, cancellationToken);
            // Ready again, it takes messages at once: the next kill finds it mid-chunk.
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        }
    }

    private static async Task KillBrokerNodeAsync(FaultStack stack, CancellationToken cancellationToken)
    {
        await FaultStack.KillBrokerNodeAsync(0);
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        await FaultStack.StartBrokerNodeAsync(0);
    }

    private static async Task RestartBrokerAsync(FaultStack stack, CancellationToken cancellationToken)
    {
        for (var node = 0; node < FaultStack.BrokerNodes; node++)
        {
            await FaultStack.StopBrokerNodeAsync(node);
            await FaultStack.StartBrokerNodeAsync(node);
        }
    }

    private static async Task StopPostgresAsync(FaultStack stack, CancellationToken cancellationToken)
    {
        await FaultStack.StopPostgresAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        }
        finally
        {
            await FaultStack.StartPostgresAsync();
        }
    }

    private static async Task FailOverPostgresAsync(FaultStack stack, CancellationToken cancellationToken)
    {
        await FaultStack.KillPostgresAsync();
        // A failover manager takes a moment to decide; meanwhile only the standby answers, read-only.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await FaultStack.PromoteStandbyAsync();
    }
}
