namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>
/// Keys protecting personal numbers at rest (section <c>PersonalData</c>): base64 of 32 random bytes each. They come
/// from configuration (environment or a secret store), never from code or the database.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>HMAC-SHA256 key of the lookup key. Changing it needs <c>msv personal-data rotate --lookup-keys</c> with the service stopped.</summary>
    public string? HmacKey { get; set; }

    /// <summary>The AES-256-GCM key before key rings: it is key id 1 when <see cref="EncryptionKeys"/> is empty.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// The key ring, by key id (1–255): every key that may have encrypted a stored value. New values are encrypted with
    /// <see cref="ActiveEncryptionKeyId"/>; <c>msv personal-data rotate</c> re-encrypts older ones, after which the
    /// retired keys can be removed. Environment: <c>PersonalData__EncryptionKeys__2=…</c>.
    /// </summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The key id new values are encrypted with (1 when only <see cref="EncryptionKey"/> is set).</summary>
    public int? ActiveEncryptionKeyId { get; set; }

    /// <summary>The keys by id, as configured: the ring, or the single key as id 1.</summary>
    public IReadOnlyDictionary<int, string?> KeysById() =>
        EncryptionKeys.Count > 0
            ? EncryptionKeys.ToDictionary(k => int.TryParse(k.Key, out var id) ? id : -1, k => (string?)k.Value)
            : new Dictionary<int, string?> { [1] = EncryptionKey };

    public int ActiveKeyId => ActiveEncryptionKeyId ?? (EncryptionKeys.Count > 0 ? KeysById().Keys.Max() : 1);
}
