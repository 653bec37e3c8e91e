using System.Collections.Concurrent;
using MiddleServerValidation.Persistence.Notices;

namespace MiddleServerValidation.Processing.Notices;

/// <summary>
/// Notices the decision step writes already claimed by this process's dispatcher, and hands to it in memory once their
/// transaction has committed: the dispatcher publishes them without claiming them from the table, which saves the claim
/// query and a row version per notice. Active only where a dispatcher runs (the worker); elsewhere, beyond
/// <see cref="Capacity"/> notices in hand, and for anything not written by the decision step, notices are written
/// unclaimed for any dispatcher to claim, as before. A notice in hand that is never published (the process died) stays
/// claimed until its lease runs out, then any dispatcher claims it: nothing is lost.
/// </summary>
public sealed class NoticeHandoff
{
    private readonly ConcurrentQueue<OutboxRow> _rows = new();
    private int _reserved;

    /// <summary>The claim owner the handed notices are written under: the dispatcher of this process.</summary>
    public Guid Owner { get; } = Guid.CreateVersion7();

    public TimeSpan Lease { get; private set; }

    /// <summary>How many notices may be in hand at once; 0 until a dispatcher activates the handoff.</summary>
    public int Capacity { get; private set; }

    /// <summary>Called by the dispatcher of this process when it starts.</summary>
    public void Activate(TimeSpan lease, int capacity) => (Lease, Capacity) = (lease, capacity);

    /// <summary>
    /// Reserves room for <paramref name="count"/> notices about to be written claimed; null when the handoff is not
    /// active or full (write them unclaimed). Give the reservation back with <see cref="Release"/> if the write fails.
    /// </summary>
    public NoticeClaim? TryReserve(int count, DateTimeOffset now)
    {
        if (Capacity == 0 || count == 0)
        {
            return null;
        }

        if (Interlocked.Add(ref _reserved, count) > Capacity)
        {
            Interlocked.Add(ref _reserved, -count);
            return null;
        }

        return new NoticeClaim(Owner, now + Lease, count);
    }

    /// <summary>A reservation whose notices were not written (the transaction rolled back).</summary>
    public void Release(NoticeClaim claim) => Interlocked.Add(ref _reserved, -claim.Count);

    /// <summary>The committed notices of <paramref name="claim"/>, for the dispatcher.</summary>
    public void HandOff(NoticeClaim claim, IEnumerable<OutboxRow> rows)
    {
        foreach (var row in rows)
        {
            _rows.Enqueue(row with { ClaimedUntil = claim.Until });
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> handed notices. One whose lease ends within <paramref name="margin"/> is left
    /// to the table (any dispatcher claims it once the lease runs out), so it is never published twice by this process.
    /// </summary>
    public List<OutboxRow> Take(int max, DateTimeOffset now, TimeSpan margin)
    {
        var taken = new List<OutboxRow>(Math.Min(max, _rows.Count));
        var expired = 0;
        while (taken.Count < max && _rows.TryDequeue(out var row))
        {
            if (row.ClaimedUntil - margin > now)
            {
                taken.Add(row);
            }
            else
            {
                expired++;
            }
        }

        Interlocked.Add(ref _reserved, -expired);
        return taken;
    }

    /// <summary>Notices taken with <see cref="Take"/> are sent or given back: their room is free again.</summary>
    public void Done(int count) => Interlocked.Add(ref _reserved, -count);
}

/// <summary>Room reserved for notices written claimed by <paramref name="Owner"/> until <paramref name="Until"/>.</summary>
public sealed record NoticeClaim(Guid Owner, DateTimeOffset Until, int Count);
