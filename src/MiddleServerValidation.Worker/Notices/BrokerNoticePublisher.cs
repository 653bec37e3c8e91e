using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Sends a notice to <c>notices.{insurer}</c> with publisher confirms, its AMQP message id the notice id. The queue and its
/// exchange are declared first (<see cref="NoticeQueues"/>), so a notice is kept even when the insurer has never connected.
/// </summary>
public sealed class BrokerNoticePublisher(IBus bus, NoticeQueues queues) : INoticePublisher
{
    public async Task PublishAsync(OutboxRow notice, CancellationToken cancellationToken)
    {
        await queues.EnsureAsync(notice.InsurerNumber, cancellationToken);
        var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{QueueNames.Notices(notice.InsurerNumber)}"));
        await endpoint.Send(NoticeOutbox.Read(notice.PayloadJson), context =>
        {
            context.MessageId = notice.NoticeId;
            context.Durable = true;
        }, cancellationToken);
    }
}
