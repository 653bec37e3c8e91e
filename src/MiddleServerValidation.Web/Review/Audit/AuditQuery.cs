using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit log for Supervisors: newest first, filtered and paged in PostgreSQL; exports stream.</summary>
public sealed class AuditQuery(ValidationDbContext db, IOptions<ConsoleOptions> options)
{
    private readonly int _pageSize = options.Value.PageSize;

    public async Task<AuditPage> ReadAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var entries = Filtered(filter);
        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.PageNumber, 1, Math.Max(1, (total + _pageSize - 1) / _pageSize));
        var rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * _pageSize).Take(_pageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows, total, page, _pageSize);
    }

    /// <summary>Every matching entry, oldest first, read as it is written out: memory does not grow with the log.</summary>
    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter) =>
        Filtered(filter).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).AsAsyncEnumerable();

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Actor.ToLower() == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        if (filter.CaseId is { } caseId)
        {
            entries = entries.Where(e => e.FindingId == caseId);
        }

        if (filter.From is { } from)
        {
            var start = JapanTime.StartOf(from);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = JapanTime.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.OccurredAt < end);
        }

        return entries;
    }
}
