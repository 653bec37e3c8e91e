using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Processing;

/// <summary>Settings of the registration path (section <c>Processing</c>).</summary>
public sealed class ProcessingOptions
{
    public const string Section = "Processing";

    /// <summary>
    /// Registrations decided in one transaction at most. Each holds an advisory lock until commit, so
    /// PostgreSQL's max_locks_per_transaction × max_connections must cover chunks × workers.
    /// </summary>
    [Range(1, 2_000)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>How long a single message waits for others to share its chunk.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan ChunkWait { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Chunks decided at the same time by one worker.</summary>
    [Range(1, 64)]
    public int ChunkConcurrency { get; set; } = 2;

    /// <summary>
    /// Which registrations are checked against J-LIS by their number: <c>EveryRegistration</c> (the default, as the
    /// middle server does since 2024) or <c>WithoutHistory</c> (only numbers without accepted history, and unexplained
    /// surname changes: the behaviour before).
    /// </summary>
    public Domain.CrossCheck.JlisCheckPolicy JlisCheck { get; set; } = Domain.CrossCheck.JlisCheckPolicy.EveryRegistration;

    /// <summary>The rule set the service decides with: the current one, under <see cref="JlisCheck"/>.</summary>
    public Domain.CrossCheck.RuleSet Rules() => Domain.CrossCheck.RuleSets.Current.WithPolicy(JlisCheck);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PendingLookupFirstDelay { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan PendingLookupMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for pending lookups that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PendingLookupPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
