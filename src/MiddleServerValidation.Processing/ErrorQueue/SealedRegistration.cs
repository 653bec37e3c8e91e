using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.PersonalData;

namespace MiddleServerValidation.Processing.ErrorQueue;

/// <summary>
/// How a registration that could not be decided is kept in <c>enrollee-registrations_error</c>: its body sealed with the
/// personal-data key (AES-GCM), and in headers what an operator needs without opening it: the cause (MassTransit's
/// fault headers), the insurer that sent it, its registration id. The worker seals; <c>msv errors</c> lists and replays.
/// </summary>
public static class SealedRegistration
{
    public const string ErrorQueue = QueueNames.Registrations + "_error";
    public const string ContentType = "application/vnd.msv.sealed-registration";
    public const string SealedHeader = "MSV-Sealed";
    public const string SealedValue = "personal-data-v1";
    public const string SenderHeader = "MSV-Sender";
    public const string RegistrationIdHeader = "MSV-Registration-Id";
    public const string OriginalContentTypeHeader = "MSV-Content-Type";
    private static readonly PersonalDataBinding Purpose = PersonalDataBinding.Purpose("error-queue");

    public static byte[] Seal(PersonalNumberProtector protector, ReadOnlySpan<byte> body) => protector.Seal(body, Purpose);

    /// <exception cref="System.Security.Cryptography.CryptographicException">Not sealed with this key, or altered.</exception>
    public static byte[] Open(PersonalNumberProtector protector, ReadOnlySpan<byte> sealedBody) => protector.Open(sealedBody, Purpose);

    /// <summary>The registration id of a readable body (plain JSON or an envelope's message), when it is a plausible one.</summary>
    public static string? RegistrationIdOf(ReadOnlySpan<byte> body) =>
        MessageOf(body, out var message) && message.TryGetProperty("registrationId", out var id)
            && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 64 } value && value.All(c => !char.IsControl(c))
            ? value
            : null;

    /// <summary>The registration a body holds, plain JSON or a MassTransit envelope; null when it is not one.</summary>
    public static RegisterEnrollee? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return MessageOf(body, out var message) ? message.Deserialize<RegisterEnrollee>(Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static bool MessageOf(ReadOnlySpan<byte> body, out JsonElement message)
    {
        message = default;
        try
        {
            var root = JsonDocument.Parse(body.ToArray()).RootElement;
            message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var inner) && root.TryGetProperty("messageType", out _)
                ? inner
                : root;
            return message.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
