using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Sends a notice to <c>notices.{insurer}</c> with publisher confirms, its AMQP message id the notice id. A "queue:"
/// address declares the durable queue and its binding before the first send, so a notice is kept even when the insurer
/// has never connected.
/// </summary>
public sealed class BrokerNoticePublisher(IBus bus) : INoticePublisher
{
    public async Task PublishAsync(OutboxRow notice, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{QueueNames.Notices(notice.InsurerNumber)}"));
        await endpoint.Send(NoticeOutbox.Read(notice.PayloadJson), context =>
        {
            context.MessageId = notice.NoticeId;
            context.Durable = true;
        }, cancellationToken);
    }
}
