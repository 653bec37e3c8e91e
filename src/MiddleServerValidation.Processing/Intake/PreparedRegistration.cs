using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Operations;

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

    /// <summary>漢字氏名 and 住所 as sent, encrypted for the record (null when not sent).</summary>
    public byte[]? KanjiNameCipher { get; init; }
    public byte[]? AddressCipher { get; init; }

    public Candidate? Candidate => Read.Candidate;

    /// <summary>What the message asks: a registration, or an operation on a record of its insurer.</summary>
    public OperationRequest Operation { get; init; } = OperationRequest.Registration;

    /// <summary>An operation's identity (its id, or a keyed fingerprint of its content): applied once per record; null for a registration.</summary>
    public string? OperationKey { get; init; }

    /// <summary>The lock that serialises operations on one record (an operation's only); null for a registration.</summary>
    public byte[]? RecordLockKey { get; init; }

    /// <summary>What a chunk opened ahead waits for when an earlier one holds it: the record (any message) and its number.</summary>
    public IEnumerable<string> InFlightKeys()
    {
        if (Key is { } key)
        {
            yield return RecordKeys.InFlightKey(key);
        }

        if (NumberKeyHex is not null)
        {
            yield return NumberKeyHex;
        }
    }
}
