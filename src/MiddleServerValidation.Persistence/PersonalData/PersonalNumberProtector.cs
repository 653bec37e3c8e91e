using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>
/// Turns a personal number into what may be stored: an HMAC-SHA256 lookup key (equal numbers give equal keys, so
/// history can be found without decrypting) and AES-256-GCM ciphertext bound to its record
/// (<see cref="PersonalDataBinding"/>), under a key of the ring that its id names, so keys can be rotated.
/// </summary>
public sealed class PersonalNumberProtector : IDisposable
{
    public const int KeySize = 32;

    // Format 2: version | key id | nonce | tag | ciphertext, the binding as associated data.
    // Format 1 (before key rings): version | nonce | tag | ciphertext, key id 1, nothing associated; read, never written.
    private const byte Version1 = 1;
    private const byte Version2 = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Header1 = 1 + NonceSize + TagSize;
    private const int Header2 = 2 + NonceSize + TagSize;

    // One keyed instance per thread: neither is thread-safe, and keying one costs more than using it (batch files call these per row).
    private readonly ThreadLocal<IncrementalHash> _hmac;
    private readonly Dictionary<int, ThreadLocal<AesGcm>> _aes;

    public PersonalNumberProtector(IOptions<PersonalDataOptions> options)
    {
        var hmacKey = Convert.FromBase64String(options.Value.HmacKey!);
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hmacKey), trackAllValues: true);
        _aes = options.Value.KeysById().ToDictionary(
            k => k.Key,
            k =>
            {
                var key = Convert.FromBase64String(k.Value!);
                return new ThreadLocal<AesGcm>(() => new AesGcm(key, TagSize), trackAllValues: true);
            });
        ActiveKeyId = (byte)options.Value.ActiveKeyId;
    }

    /// <summary>The key id new ciphertexts are written with.</summary>
    public byte ActiveKeyId { get; }

    public byte[] LookupKey(string personalNumber)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(Encoding.ASCII.GetBytes(personalNumber));
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// A keyed fingerprint of a text that may hold personal data (an operation's content): the same text, the same
    /// fingerprint, and nothing learnt from it without the key. Its input never looks like a bare number, so it never
    /// equals a lookup key.
    /// </summary>
    public byte[] Fingerprint(string text)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(Encoding.UTF8.GetBytes("fingerprint\n" + text));
        return hmac.GetHashAndReset();
    }

    /// <summary>A 64-bit advisory-lock key derived from a lookup key: same number, same lock.</summary>
    public static long LockKeyOf(byte[] lookupKey) => BinaryPrimitives.ReadInt64BigEndian(lookupKey);

    public byte[] Encrypt(string value, PersonalDataBinding binding) => Seal(Encoding.UTF8.GetBytes(value), binding);

    /// <exception cref="CryptographicException">Not written for this record, under no key of the ring, or altered.</exception>
    public string Decrypt(byte[] cipher, PersonalDataBinding binding) => Encoding.UTF8.GetString(Open(cipher, binding));

    /// <summary>Encrypts arbitrary bytes (a whole message body) with the active key, bound to <paramref name="binding"/>.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain, PersonalDataBinding binding)
    {
        var result = new byte[Header2 + plain.Length];
        result[0] = Version2;
        result[1] = ActiveKeyId;
        var nonce = result.AsSpan(2, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes[ActiveKeyId].Value!.Encrypt(nonce, plain, result.AsSpan(Header2), result.AsSpan(2 + NonceSize, TagSize), binding.Bytes);
        return result;
    }

    /// <exception cref="CryptographicException">Not sealed for this binding, under no key of the ring, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> cipher, PersonalDataBinding binding)
    {
        if (cipher.Length >= Header2 && cipher[0] == Version2)
        {
            var plain = new byte[cipher.Length - Header2];
            Key(cipher[1]).Decrypt(cipher.Slice(2, NonceSize), cipher[Header2..], cipher.Slice(2 + NonceSize, TagSize), plain, binding.Bytes);
            return plain;
        }

        if (cipher.Length >= Header1 && cipher[0] == Version1)
        {
            var plain = new byte[cipher.Length - Header1];
            Key(1).Decrypt(cipher.Slice(1, NonceSize), cipher[Header1..], cipher.Slice(1 + NonceSize, TagSize), plain);
            return plain;
        }

        throw new CryptographicException("Unknown personal-data ciphertext format.");
    }

    /// <summary>Whether a ciphertext is written with the active key in the current format (else <c>msv personal-data rotate</c> rewrites it).</summary>
    public bool IsCurrent(byte[] cipher) => cipher.Length >= Header2 && cipher[0] == Version2 && cipher[1] == ActiveKeyId;

    private AesGcm Key(int id) =>
        _aes.TryGetValue(id, out var key) ? key.Value! : throw new CryptographicException($"Personal-data key {id} is not in the key ring.");

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
        foreach (var aes in _aes.Values)
        {
            foreach (var instance in aes.Values)
            {
                instance.Dispose();
            }

            aes.Dispose();
        }
    }
}
