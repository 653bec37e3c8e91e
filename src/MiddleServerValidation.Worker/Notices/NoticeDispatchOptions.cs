using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>Publishing notices from the outbox (section <c>Notices</c>).</summary>
public sealed class NoticeDispatchOptions : IValidatableObject
{
    public const string Section = "Notices";

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>The longest a committed notice waits when a wake-up notification was missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest one batch's publishing may take. A send the broker never confirms (a connection lost mid-send) is
    /// given up after this and its notice published again; nothing waits on the broker without a bound.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long claimed notices stay this dispatcher's: after that any dispatcher may publish them (a dead worker's).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After this many rounds in a row in which no send got through, the bus is restarted if the broker answers (a
    /// channel left waiting for ever by a node that died; see <see cref="BrokerSendRecovery"/>).
    /// </summary>
    [Range(1, 1000)]
    public int RecoverAfterFailedRounds { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClaimLease <= SendTimeout)
        {
            yield return new ValidationResult(
                $"Notices:ClaimLease ({ClaimLease}) must be longer than Notices:SendTimeout ({SendTimeout}): a notice still being sent would be taken by another dispatcher.",
                [nameof(ClaimLease), nameof(SendTimeout)]);
        }
    }
}
