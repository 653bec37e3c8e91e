using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// The case queue: filtered, sorted, counted and paged in PostgreSQL, never in memory. Counts read the findings
/// alone (the assignment join is dropped by the planner when no filter uses it); the insurer's registration ids are
/// joined for the one page shown.
/// </summary>
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
        var shown = Sorted(cases, filter).Skip((page - 1) * _pageSize).Take(_pageSize);
        // EF keeps the page's order on the outer query of the join.
        var rows = await (
            from c in shown
            join r in db.Set<StoredRegistration>() on c.RegistrationId equals r.Id
            select new CaseQueueRow
            {
                Id = c.Id,
                CreatedAt = c.CreatedAt,
                Insurer = c.Insurer,
                RegistrationKey = r.RegistrationId,
                Code = c.Code,
                RuleId = c.RuleId,
                Status = c.Status,
                Assignee = c.Assignee,
                Conflicts = c.Conflicts,
            }).ToListAsync(cancellationToken);

        return new CaseQueuePage(rows, total, page, _pageSize,
            [.. counts.OrderBy(c => OrderOf(c.Code)).ThenBy(c => c.Code).Select(c => (c.Code, c.Count))]);
    }

    /// <summary>A finding as the queue filters and sorts it. Init properties, so that EF can compose on them.</summary>
    private sealed record QueueItem
    {
        public Guid Id { get; init; }
        public Guid RegistrationId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public required string Insurer { get; init; }
        public required string Code { get; init; }
        public required string RuleId { get; init; }
        public required string Status { get; init; }
        public string? Assignee { get; init; }
        public int Conflicts { get; init; }
    }

    private IQueryable<QueueItem> Filtered(CaseQueueFilter filter, string currentUser)
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

        var items =
            from f in findings
            join a in db.Set<CaseAssignment>() on f.Id equals a.FindingId into assignments
            from a in assignments.DefaultIfEmpty()
            select new QueueItem
            {
                Id = f.Id,
                RegistrationId = f.RegistrationId,
                CreatedAt = f.CreatedAt,
                Insurer = f.InsurerNumber,
                Code = f.Code,
                RuleId = f.RuleId,
                Status = f.Status,
                Assignee = a == null ? null : a.Assignee,
                Conflicts = f.ConflictingRegistrationIds.Length,
            };

        return filter.Assignee switch
        {
            CaseQueueFilter.AssignedToMe => items.Where(c => c.Assignee == currentUser),
            CaseQueueFilter.Unassigned => items.Where(c => c.Assignee == null),
            _ => items,
        };
    }

    // Every order ends with the id, so paging is stable when many cases share a time.
    private static IQueryable<QueueItem> Sorted(IQueryable<QueueItem> rows, CaseQueueFilter filter) => (filter.Sort, filter.Descending) switch
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
