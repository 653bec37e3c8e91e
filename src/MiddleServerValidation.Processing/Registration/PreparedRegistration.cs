using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Processing.Registration;

/// <summary>A registration read, validated and with its personal number protected, before any database work.</summary>
internal sealed class PreparedRegistration
{
    public required RegisterEnrollee Message { get; init; }
    public required RegistrationReadResult Read { get; init; }
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>Null when the record cannot be addressed (no valid insurer number or registration id).</summary>
    public (string Insurer, string RegistrationId)? IdempotencyKey { get; init; }

    public string? BatchId { get; init; }

    public byte[]? NumberKey { get; init; }
    public string? NumberKeyHex { get; init; }
    public byte[]? NumberCipher { get; init; }

    public Candidate? Candidate => Read.Candidate;
}
