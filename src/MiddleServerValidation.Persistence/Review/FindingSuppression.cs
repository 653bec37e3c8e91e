namespace MiddleServerValidation.Persistence.Review;

/// <summary>
/// 理由付き疑いなし for one pair of records: the finding's code is not raised again for this registration and
/// <see cref="OtherRegistrationId"/> (in either order; null for a J-LIS finding) until the case is reopened.
/// </summary>
public sealed class FindingSuppression
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public Guid RegistrationId { get; set; }
    public Guid? OtherRegistrationId { get; set; }
    public Guid FindingId { get; set; }
    public required string ReasonCategory { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }
}
