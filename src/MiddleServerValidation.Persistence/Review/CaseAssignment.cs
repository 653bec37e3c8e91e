namespace MiddleServerValidation.Persistence.Review;

/// <summary>Who is working on a case now; each change is also a <see cref="CaseEvent"/>.</summary>
public sealed class CaseAssignment
{
    public Guid FindingId { get; set; }
    public required string Assignee { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
