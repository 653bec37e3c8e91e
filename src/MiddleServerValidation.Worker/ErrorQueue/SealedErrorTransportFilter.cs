using System.Text;
using System.Text.Json;
using MassTransit;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Worker.Registration;

namespace MiddleServerValidation.Worker.ErrorQueue;

/// <summary>
/// Moves a registration that could not be decided to <c>enrollee-registrations_error</c> with its body sealed (AES-GCM
/// with the personal-data key): the error queue is kept for operators to see why and to replay, never as a plain-text
/// store of personal numbers. What an operator needs stays readable in headers: the cause (MassTransit's fault
/// headers), the insurer that sent it, its registration id. <c>msv errors replay</c> opens and decides them again.
/// </summary>
public sealed class SealedErrorTransportFilter(PersonalNumberProtector protector) : IFilter<ExceptionReceiveContext>
{
    public const string Purpose = "error-queue";
    public const string ContentType = "application/vnd.msv.sealed-registration";
    public const string SealedHeader = "MSV-Sealed";
    public const string SenderHeader = "MSV-Sender";
    public const string RegistrationIdHeader = "MSV-Registration-Id";
    public const string OriginalContentTypeHeader = "MSV-Content-Type";

    public void Probe(ProbeContext context) => context.CreateFilterScope("sealedErrorTransport");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!context.TryGetPayload(out MassTransit.Transports.IErrorTransport? transport))
        {
            throw new InvalidOperationException("The error transport is not available on the receive context.");
        }

        var body = context.Body.GetBytes();
        context.ExceptionHeaders.Set(SealedHeader, "personal-data-v1");
        context.ExceptionHeaders.Set(OriginalContentTypeHeader, context.ContentType?.ToString());
        if (context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery)
            && MiddleServerValidation.Contracts.QueueNames.InsurerOfRegistrationsExchange(delivery.Exchange) is { } sender)
        {
            context.ExceptionHeaders.Set(SenderHeader, sender);
        }

        if (RegistrationIdOf(body) is { } registrationId)
        {
            context.ExceptionHeaders.Set(RegistrationIdHeader, registrationId);
        }

        await transport.Send(new SealedExceptionReceiveContext(context, protector.Seal(body, Purpose)));
        await next.Send(context);
    }

    /// <summary>The registration id of a readable body (plain JSON or an envelope's message), when it is a plausible one.</summary>
    private static string? RegistrationIdOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var inner) ? inner : root;
            return message.ValueKind == JsonValueKind.Object && message.TryGetProperty("registrationId", out var id)
                && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 64 } value && value.All(c => !char.IsControl(c))
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
