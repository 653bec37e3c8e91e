namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>
/// Keys protecting personal numbers at rest (section <c>PersonalData</c>): base64 of 32 random bytes each.
/// They come from configuration (environment or a secret store), never from code.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>HMAC-SHA256 key of the lookup key. Changing it orphans every stored lookup key.</summary>
    public string? HmacKey { get; set; }

    /// <summary>AES-256-GCM key of the ciphertext.</summary>
    public string? EncryptionKey { get; set; }
}
