namespace MiddleServerValidation.Persistence.Registrations;

/// <summary>
/// One version of a registration as received and decided (1 for the registration, one more per correction). The
/// personal number is held only as an HMAC lookup key (when the number was valid) and AES-GCM ciphertext of the value
/// as sent; the kanji name and address only as ciphertext.
/// </summary>
public sealed class StoredRegistration
{
    public Guid Id { get; set; }
    public required string InsurerNumber { get; set; }
    public required string RegistrationId { get; set; }
    public string? BatchId { get; set; }
    public byte[]? PersonalNumberKey { get; set; }
    public byte[]? PersonalNumberCipher { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? KanaName { get; set; }
    public short? Sex { get; set; }
    public string? CardSymbol { get; set; }
    public string? CardNumber { get; set; }
    public string? BranchNumber { get; set; }
    public DateOnly? QualificationDate { get; set; }

    /// <summary>漢字氏名 as sent, AES-GCM under the personal-data key ring, bound to the record and the field.</summary>
    public byte[]? KanjiNameCipher { get; set; }

    /// <summary>住所 as sent, encrypted like <see cref="KanjiNameCipher"/>.</summary>
    public byte[]? AddressCipher { get; set; }

    /// <summary>The fields as sent, kept for rejected records whose values could not be typed (never the personal number).</summary>
    public string? SubmittedJson { get; set; }

    public required string Outcome { get; set; }

    /// <summary>The reasons as sent to the insurer, JSON.</summary>
    public required string ReasonsJson { get; set; }

    /// <summary>The J-LIS answer this decision used, JSON; null when J-LIS was not asked.</summary>
    public string? ResidentAnswerJson { get; set; }

    public required string RuleSetVersion { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Usability (<c>RegistrationStates</c>): Usable, Held, Withdrawn, Rejected, or Superseded for a replaced version.</summary>
    public string State { get; set; } = "Usable";

    /// <summary>When a correction replaced this version or a withdrawal took it out of use: it no longer counts anywhere.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
