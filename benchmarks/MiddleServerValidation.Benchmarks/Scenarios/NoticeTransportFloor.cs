using System.Diagnostics;
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
        long sent = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(environment.RabbitHost, (ushort)environment.RabbitPort, "/", host =>
            {
                host.Username(environment.RabbitUser);
                host.Password(environment.RabbitPassword);
                host.PublisherConfirmation = true;
            });
            cfg.ReceiveEndpoint(Queue, endpoint =>
            {
                endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                endpoint.PrefetchCount = 1_000;
                endpoint.ConcurrentMessageLimit = 1_000;
                endpoint.SetQuorumQueue();
                endpoint.Handler<RegisterEnrollee>(async context =>
                {
                    var notices = await context.GetSendEndpoint(Notices);
                    await notices.Send(NoticeLike(context.Message), send => send.Durable = true, context.CancellationToken);
                    if (Interlocked.Increment(ref sent) == bodies.Count)
                    {
                        all.TrySetResult();
                    }
                });
            });
        });

        await bus.StartAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await MessagePublisher.PublishAsync(environment, Queue, bodies, cancellationToken);
            await all.Task.WaitAsync(TimeSpan.FromMinutes(30), cancellationToken);
            return bodies.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
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
