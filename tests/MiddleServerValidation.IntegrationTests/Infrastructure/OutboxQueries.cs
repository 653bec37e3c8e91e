using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Notices;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>The outbox's two kinds of rows, as tests read them.</summary>
public static class OutboxQueries
{
    /// <summary>Notices to insurers (not downstream state events).</summary>
    public static IQueryable<OutboxNotice> InsurerNotices(this ValidationDbContext db) => db.Notices.Where(n => n.Kind == OutboxKinds.Notice);

    /// <summary>State events for downstream systems.</summary>
    public static IQueryable<OutboxNotice> StateEvents(this ValidationDbContext db) => db.Notices.Where(n => n.Kind == OutboxKinds.StateEvent);
}
