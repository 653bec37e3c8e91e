using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Processing.Intake;

/// <summary>A registration read (each field once), validated and with its personal number protected, before any database work.</summary>
public sealed class PreparedRegistration
{
    public required RegisterEnrollee Message { get; init; }
    public required RegistrationReadResult Read { get; init; }

    /// <summary>The insurer authentication established for it; null for in-process callers.</summary>
    public string? Sender { get; init; }

    /// <summary>Why it is refused without being stored (it names another insurer than its sender); null when it is not.</summary>
    public Reason? Refusal { get; init; }

    /// <summary>The id it is stored under if it is decided now.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>Null when the record cannot be addressed (no valid insurer number or registration id).</summary>
    public RegistrationKey? Key => Read.Key;

    public string? BatchId { get; init; }

    /// <summary>The HMAC lookup key of a valid personal number, and the same as hex (how histories are keyed in memory).</summary>
    public byte[]? NumberKey { get; init; }
    public string? NumberKeyHex { get; init; }

    /// <summary>AES-GCM ciphertext of the personal number as sent, valid or not.</summary>
    public byte[]? NumberCipher { get; init; }

    public Candidate? Candidate => Read.Candidate;
}
