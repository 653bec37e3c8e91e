using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Processing.Tests.Notices;

/// <summary>
/// Notices handed to this process's dispatcher in memory: only where a dispatcher activated the handoff, never more
/// than its capacity at once, and never one whose lease is about to end (the table's then, so it is not sent twice).
/// </summary>
public sealed class NoticeHandoffTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static OutboxRow Row(int n) =>
        new(Guid.CreateVersion7(), "06139992", "{}", Guid.CreateVersion7(), "Accepted", Now.AddMilliseconds(n));

    [Fact]
    public void Without_a_dispatcher_nothing_is_claimed()
    {
        Assert.Null(new NoticeHandoff().TryReserve(1, Now));
    }

    [Fact]
    public void Room_is_reserved_up_to_the_capacity_and_given_back_when_sent_or_abandoned()
    {
        var handoff = new NoticeHandoff();
        handoff.Activate(TimeSpan.FromMinutes(2), capacity: 3);

        var first = handoff.TryReserve(2, Now)!;
        Assert.Equal(handoff.Owner, first.Owner);
        Assert.Equal(Now.AddMinutes(2), first.Until);
        Assert.Null(handoff.TryReserve(2, Now)); // 4 > 3: written unclaimed instead
        var second = handoff.TryReserve(1, Now)!;

        handoff.Release(second); // its transaction rolled back
        handoff.HandOff(first, [Row(1), Row(2)]);
        var taken = handoff.Take(10, Now, TimeSpan.FromSeconds(35));
        Assert.Equal(2, taken.Count);
        Assert.All(taken, row => Assert.Equal(first.Until, row.ClaimedUntil));
        Assert.NotNull(handoff.TryReserve(1, Now)); // 2 in hand + 1 = 3
        handoff.Done(taken.Count);
        Assert.NotNull(handoff.TryReserve(2, Now)); // 1 + 2 = 3
    }

    [Fact]
    public void Taken_in_the_order_handed_and_at_most_as_many_as_asked()
    {
        var handoff = new NoticeHandoff();
        handoff.Activate(TimeSpan.FromMinutes(2), capacity: 10);
        var rows = Enumerable.Range(1, 5).Select(Row).ToList();
        handoff.HandOff(handoff.TryReserve(5, Now)!, rows);

        Assert.Equal(rows.Take(3).Select(r => r.NoticeId), handoff.Take(3, Now, TimeSpan.Zero).Select(r => r.NoticeId));
        Assert.Equal(rows.Skip(3).Select(r => r.NoticeId), handoff.Take(3, Now, TimeSpan.Zero).Select(r => r.NoticeId));
    }

    [Fact]
    public void A_notice_whose_lease_ends_before_a_send_could_finish_is_left_to_the_table()
    {
        var handoff = new NoticeHandoff();
        handoff.Activate(TimeSpan.FromMinutes(2), capacity: 1);
        handoff.HandOff(handoff.TryReserve(1, Now)!, [Row(1)]);

        Assert.Empty(handoff.Take(10, Now.AddSeconds(90), TimeSpan.FromSeconds(35)));
        Assert.NotNull(handoff.TryReserve(1, Now)); // its room is free again
    }
}
