namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>One line of the queue.</summary>
public sealed record CaseQueueRow
{
    public Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Insurer { get; init; }

    /// <summary>The insurer's own id of the registration.</summary>
    public required string RegistrationKey { get; init; }

    public required string Code { get; init; }
    public required string RuleId { get; init; }
    public required string Status { get; init; }
    public string? Assignee { get; init; }
    public int Conflicts { get; init; }
}

public sealed record CaseQueuePage(
    IReadOnlyList<CaseQueueRow> Rows, int Total, int Page, int PageSize, IReadOnlyList<(string Code, int Count)> CountsByCode)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
