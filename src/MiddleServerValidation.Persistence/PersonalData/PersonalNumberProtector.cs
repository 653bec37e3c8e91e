using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>
/// Turns a personal number into what may be stored: an HMAC-SHA256 lookup key (equal numbers give
/// equal keys, so history can be found without decrypting) and AES-256-GCM ciphertext.
/// </summary>
public sealed class PersonalNumberProtector : IDisposable
{
    public const int KeySize = 32;

    // Ciphertext layout: version | nonce | tag | ciphertext. The version byte lets keys rotate later.
    private const byte FormatVersion = 1;
    private const byte SealVersion = 0x53;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    // One keyed instance per thread: neither is thread-safe, and keying one costs more than using it (batch files call these per row).
    private readonly ThreadLocal<IncrementalHash> _hmac;
    private readonly ThreadLocal<AesGcm> _aes;

    public PersonalNumberProtector(IOptions<PersonalDataOptions> options)
    {
        var hmacKey = Convert.FromBase64String(options.Value.HmacKey!);
        var encryptionKey = Convert.FromBase64String(options.Value.EncryptionKey!);
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hmacKey), trackAllValues: true);
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, TagSize), trackAllValues: true);
    }

    public byte[] LookupKey(string personalNumber)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(Encoding.ASCII.GetBytes(personalNumber));
        return hmac.GetHashAndReset();
    }

    /// <summary>A 64-bit advisory-lock key derived from a lookup key: same number, same lock.</summary>
    public static long LockKeyOf(byte[] lookupKey) => BinaryPrimitives.ReadInt64BigEndian(lookupKey);

    public byte[] Encrypt(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var result = new byte[HeaderSize + plain.Length];
        result[0] = FormatVersion;
        var nonce = result.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, result.AsSpan(HeaderSize), result.AsSpan(1 + NonceSize, TagSize));
        return result;
    }

    public string Decrypt(byte[] cipher)
    {
        if (cipher.Length < HeaderSize || cipher[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown personal-number ciphertext format.");
        }

        var plain = new byte[cipher.Length - HeaderSize];
        _aes.Value!.Decrypt(cipher.AsSpan(1, NonceSize), cipher.AsSpan(HeaderSize), cipher.AsSpan(1 + NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Encrypts arbitrary bytes (a whole message body), bound to <paramref name="purpose"/>: only a caller naming the same purpose can open it.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain, string purpose)
    {
        var associated = Encoding.UTF8.GetBytes(purpose);
        var result = new byte[HeaderSize + plain.Length];
        result[0] = SealVersion;
        var nonce = result.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, result.AsSpan(HeaderSize), result.AsSpan(1 + NonceSize, TagSize), associated);
        return result;
    }

    /// <exception cref="CryptographicException">Not sealed with this key for this purpose, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, string purpose)
    {
        if (sealedBytes.Length < HeaderSize || sealedBytes[0] != SealVersion)
        {
            throw new CryptographicException("Unknown sealed format.");
        }

        var plain = new byte[sealedBytes.Length - HeaderSize];
        _aes.Value!.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes[HeaderSize..], sealedBytes.Slice(1 + NonceSize, TagSize), plain,
            Encoding.UTF8.GetBytes(purpose));
        return plain;
    }

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        foreach (var aes in _aes.Values)
        {
            aes.Dispose();
        }

        _hmac.Dispose();
        _aes.Dispose();
    }
}
