using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>Publishing notices from the outbox (section <c>Notices</c>).</summary>
public sealed class NoticeDispatchOptions
{
    public const string Section = "Notices";

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>The longest a committed notice waits when a wake-up notification was missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
