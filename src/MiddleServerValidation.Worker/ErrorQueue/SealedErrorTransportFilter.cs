using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.ErrorQueue;

namespace MiddleServerValidation.Worker.ErrorQueue;

/// <summary>
/// Moves a registration that could not be decided to the error queue as a <see cref="SealedRegistration"/>: the error
/// queue is where operators see why and replay (<c>msv errors</c>), never a plain-text store of personal numbers.
/// </summary>
public sealed class SealedErrorTransportFilter(PersonalNumberProtector protector) : IFilter<ExceptionReceiveContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("sealedErrorTransport");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!context.TryGetPayload(out MassTransit.Transports.IErrorTransport? transport))
        {
            throw new InvalidOperationException("The error transport is not available on the receive context.");
        }

        var body = context.Body.GetBytes();
        context.ExceptionHeaders.Set(SealedRegistration.SealedHeader, SealedRegistration.SealedValue);
        context.ExceptionHeaders.Set(SealedRegistration.OriginalContentTypeHeader, context.ContentType?.ToString());
        if (context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery)
            && QueueNames.InsurerOfRegistrationsExchange(delivery.Exchange) is { } sender)
        {
            context.ExceptionHeaders.Set(SealedRegistration.SenderHeader, sender);
        }

        if (SealedRegistration.RegistrationIdOf(body) is { } registrationId)
        {
            context.ExceptionHeaders.Set(SealedRegistration.RegistrationIdHeader, registrationId);
        }

        await transport.Send(new SealedExceptionReceiveContext(context, SealedRegistration.Seal(protector, body)));
        await next.Send(context);
    }
}
