using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>One line of the queue. Init properties, not a constructor, so that EF can filter and sort on them.</summary>
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

/// <summary>The case queue: filtered, sorted, counted and paged in PostgreSQL, never in memory.</summary>
public sealed class CaseQueue(ValidationDbContext db, IOptions<ConsoleOptions> options)
{
    private readonly int _pageSize = options.Value.PageSize;

    public async Task<CaseQueuePage> ReadAsync(CaseQueueFilter filter, string currentUser, CancellationToken cancellationToken)
    {
        var withoutCode = Filtered(filter, currentUser);
        var counts = await withoutCode.GroupBy(c => c.Code)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var cases = string.IsNullOrEmpty(filter.Code) ? withoutCode : withoutCode.Where(c => c.Code == filter.Code);
        var total = await cases.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.PageNumber, 1, Math.Max(1, (total + _pageSize - 1) / _pageSize));
        var rows = await Sorted(cases, filter).Skip((page - 1) * _pageSize).Take(_pageSize).ToListAsync(cancellationToken);

        return new CaseQueuePage(rows, total, page, _pageSize,
            [.. counts.OrderBy(c => OrderOf(c.Code)).ThenBy(c => c.Code).Select(c => (c.Code, c.Count))]);
    }

    private IQueryable<CaseQueueRow> Filtered(CaseQueueFilter filter, string currentUser)
    {
        var findings = db.Set<StoredFinding>().AsNoTracking();
        if (filter.Status != CaseQueueFilter.AllStatuses)
        {
            findings = findings.Where(f => f.Status == filter.Status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Insurer))
        {
            var insurer = filter.Insurer.Trim();
            findings = findings.Where(f => f.InsurerNumber == insurer);
        }

        if (filter.From is { } from)
        {
            var start = JapanTime.StartOf(from);
            findings = findings.Where(f => f.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = JapanTime.StartOf(to.AddDays(1));
            findings = findings.Where(f => f.CreatedAt < end);
        }

        var rows =
            from f in findings
            join r in db.Set<StoredRegistration>() on f.RegistrationId equals r.Id
            join a in db.Set<CaseAssignment>() on f.Id equals a.FindingId into assignments
            from a in assignments.DefaultIfEmpty()
            select new CaseQueueRow
            {
                Id = f.Id,
                CreatedAt = f.CreatedAt,
                Insurer = f.InsurerNumber,
                RegistrationKey = r.RegistrationId,
                Code = f.Code,
                RuleId = f.RuleId,
                Status = f.Status,
                Assignee = a == null ? null : a.Assignee,
                Conflicts = f.ConflictingRegistrationIds.Length,
            };

        return filter.Assignee switch
        {
            CaseQueueFilter.AssignedToMe => rows.Where(c => c.Assignee == currentUser),
            CaseQueueFilter.Unassigned => rows.Where(c => c.Assignee == null),
            _ => rows,
        };
    }

    // Every order ends with the id, so paging is stable when many cases share a time.
    private static IQueryable<CaseQueueRow> Sorted(IQueryable<CaseQueueRow> rows, CaseQueueFilter filter) => (filter.Sort, filter.Descending) switch
    {
        ("insurer", false) => rows.OrderBy(c => c.Insurer).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        ("insurer", true) => rows.OrderByDescending(c => c.Insurer).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        ("code", false) => rows.OrderBy(c => c.Code).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        ("code", true) => rows.OrderByDescending(c => c.Code).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        ("status", false) => rows.OrderBy(c => c.Status).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        ("status", true) => rows.OrderByDescending(c => c.Status).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (_, true) => rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        _ => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
    };

    private static int OrderOf(string code)
    {
        var index = Labels.FindingCodes.ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }
}
