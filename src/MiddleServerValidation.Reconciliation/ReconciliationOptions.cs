using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace MiddleServerValidation.Reconciliation;

/// <summary>Settings of the nightly reconciliation (section <c>Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>When the worker's schedule runs it, Japan time (Asia/Tokyo), <c>HH:mm</c>.</summary>
    [Required]
    [RegularExpression(@"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        ErrorMessage = "Reconciliation:TimeOfDay must be HH:mm between 00:00 and 23:59 (Japan time), e.g. 02:00.")]
    public string TimeOfDay { get; set; } = "02:00";

    /// <summary>Whether the worker runs the daily schedule; the <c>reconcile</c> command works either way.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>How soon a worker that found another one holding the run checks again whether the day's run finished.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan LockRetryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Personal-number keys re-checked per transaction (and per checkpoint) in the re-check step.</summary>
    [Range(1, 100_000)]
    public int RecheckBatchSize { get; set; } = 10_000;

    /// <summary>Pending J-LIS lookups claimed per pass in the retry step.</summary>
    [Range(1, 2_000)]
    public int LookupBatchSize { get; set; } = 200;

    /// <summary>
    /// Registrations per batch (one bulk J-LIS pass, one transaction, one checkpoint) in the full-store check. The
    /// adapter splits a batch into bulk requests of <c>Jlis:BulkSize</c> within its concurrency limit.
    /// </summary>
    [Range(1, 100_000)]
    public int JlisAuditBatchSize { get; set; } = 2_000;

    /// <summary>
    /// The most registrations the full-store check asks J-LIS about per second (what J-LIS grants the middle server);
    /// 0 leaves only the adapter's own limits.
    /// </summary>
    [Range(0, 1_000_000)]
    public int JlisAuditLookupsPerSecond { get; set; }

    /// <summary>How often a batch J-LIS could not answer is asked again before the check stops for the next run to resume.</summary>
    [Range(0, 100)]
    public int JlisAuditOutageRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan JlisAuditOutageDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The parsed <see cref="TimeOfDay"/> (a method, so options validation never reads it before the format is checked).</summary>
    public TimeOnly ScheduledTime() => TimeOnly.ParseExact(TimeOfDay, "HH:mm", CultureInfo.InvariantCulture);
}
