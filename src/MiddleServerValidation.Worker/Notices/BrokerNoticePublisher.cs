using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.States;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Sends an outbox row with publisher confirms, its AMQP message id the row's id: a notice to <c>notices.{insurer}</c> (a
/// "queue:" address declares the durable queue and its binding before the first send, so a notice is kept even when the
/// insurer has never connected), a state event to the <c>registration-states</c> topic exchange under
/// <c>{insurer}.{state}</c>.
/// </summary>
public sealed class BrokerNoticePublisher(IBus bus) : INoticePublisher
{
    private static readonly Uri States = new($"exchange:{QueueNames.RegistrationStates}?type=topic");

    public async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (!row.IsNotice)
        {
            var events = await bus.GetSendEndpoint(States);
            await events.Send(StateEvents.Read(row.PayloadJson, row.Seq), context =>
            {
                context.MessageId = row.NoticeId;
                context.Durable = true;
                context.SetRoutingKey(QueueNames.StateRoutingKey(row.InsurerNumber, row.Outcome));
            }, cancellationToken);
            return;
        }

        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{QueueNames.Notices(row.InsurerNumber)}"));
        await endpoint.Send(NoticeOutbox.Read(row.PayloadJson), context =>
        {
            context.MessageId = row.NoticeId;
            context.Durable = true;
        }, cancellationToken);
    }
}
