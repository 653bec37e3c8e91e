using MassTransit;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The cost of the contract's "one message in, one notice out" on this broker: the worker's endpoint settings
/// (quorum queue, plain JSON, prefetch and concurrency 1000) and its send settings (publisher confirms, durable), a
/// consumer that does no work but sends one notice-sized message to a durable queue per message it consumes. Timed
/// until the last notice is confirmed.
/// </summary>
public static class NoticeTransportFloor
{
    private const string Queue = "bench-transport";
    private static readonly Uri Notices = new("queue:bench-transport-notices");

    public static async Task<double> MessagesPerSecondAsync(BenchEnvironment environment, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken)
    {
        try
        {
            return await FloorConsumer.MessagesPerSecondAsync(environment, Queue, bodies, publisherConfirmation: true, async context =>
            {
                var notices = await context.GetSendEndpoint(Notices);
                await notices.Send(NoticeLike(context.Message), send => send.Durable = true, context.CancellationToken);
            }, cancellationToken);
        }
        finally
        {
            await MessagePublisher.DeleteQueueAsync(environment, "bench-transport-notices", cancellationToken);
        }
    }

    /// <summary>A notice of the size the worker sends: one reason with its Japanese message, the masked number.</summary>
    private static RegistrationNotice NoticeLike(RegisterEnrollee message) => new()
    {
        NoticeId = Guid.NewGuid(),
        RegistrationId = message.RegistrationId ?? "",
        InsurerNumber = message.InsurerNumber ?? "",
        BatchId = message.BatchId,
        Outcome = Outcomes.Accepted,
        Reasons = [new NoticeReason { Code = "HistoryMatch", Message = "既存の登録内容と一致しました。" }],
        PersonalNumberMasked = "********" + (message.PersonalNumber is { Length: 12 } n ? n[^4..] : "0000"),
        Operation = RegistrationOperations.Register,
        Version = 1,
        State = RegistrationStates.Usable,
        IssuedAt = DateTimeOffset.UtcNow,
    };
}
