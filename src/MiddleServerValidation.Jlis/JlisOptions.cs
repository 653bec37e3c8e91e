using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Jlis;

/// <summary>
/// Configuration section <c>Jlis</c>. The ranges follow what Polly accepts, so a wrong value
/// fails the host start with a clear message rather than when the first lookup builds the pipeline.
/// </summary>
public sealed class JlisOptions : IValidatableObject
{
    public const string SectionName = "Jlis";

    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>Limit for one HTTP attempt, not for the whole lookup with its retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Median delay before the first retry; later retries back off exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 100_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Lookups in flight at once towards J-LIS; the rest wait in the queue.</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Lookups allowed to wait for a slot; beyond that a lookup is Unavailable at once.</summary>
    [Range(0, 1_000_000)]
    public int MaxQueue { get; set; } = 10_000;

    /// <summary>Numbers asked in one bulk request; each request holds one concurrency slot.</summary>
    [Range(1, Wire.JlisWire.MaxBulkSize)]
    public int BulkSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult(
                "BaseAddress must be an absolute URI, e.g. http://127.0.0.1:5081/.",
                [nameof(BaseAddress)]);
        }
    }
}
