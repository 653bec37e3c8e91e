using MassTransit;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// Who sent a registration, as the broker authenticated it: each insurer's broker user may write only to its own
/// exchange, <c>registrations.{insurer}</c>, and a delivery carries the exchange it was published to. The body's
/// insurer number is what the insurer claims; this is who it is.
/// </summary>
public static class BrokerIdentity
{
    /// <summary>The insurer the delivery came from, or null when it did not come through an insurer's exchange.</summary>
    public static string? SenderOf(ConsumeContext context) =>
        QueueNames.InsurerOfRegistrationsExchange(ExchangeOf(context));

    public static string? ExchangeOf(ConsumeContext context) =>
        context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery) ? delivery.Exchange : null;
}
