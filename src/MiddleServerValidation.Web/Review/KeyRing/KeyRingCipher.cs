using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Web.Review.KeyRing;

/// <summary>
/// AES-256-GCM with <c>Console:KeyRingKey</c> over the secret part of one data-protection key (its master key). The
/// result names the format and a check value of the key, so that a ring sealed with another key is told apart from a
/// damaged one; the check value says nothing about the key.
/// </summary>
public sealed class KeyRingCipher
{
    public static readonly XNamespace Namespace = "urn:middle-server-validation:key-ring";
    public static readonly XName ElementName = Namespace + "sealedSecret";

    private const int FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Binds every ciphertext to this use of the key.
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("MiddleServerValidation.Console key ring v1");

    private readonly byte[] _key;
    private readonly string _keyCheck;

    public KeyRingCipher(IOptions<ConsoleKeys> keys)
    {
        _key = Convert.FromBase64String(keys.Value.KeyRingKey!);
        _keyCheck = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("key check"))[..6]);
    }

    public XElement Encrypt(XElement secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plain);
        return new XElement(ElementName,
            new XAttribute("version", FormatVersion.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("keyCheck", _keyCheck),
            Convert.ToBase64String(sealedBytes));
    }

    /// <exception cref="CryptographicException">Sealed with another key, in an unknown format, or altered.</exception>
    public XElement Decrypt(XElement sealedSecret)
    {
        if (sealedSecret.Name != ElementName || (string?)sealedSecret.Attribute("version") != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new CryptographicException("The data-protection key is not in the key ring's sealed format.");
        }

        if ((string?)sealedSecret.Attribute("keyCheck") != _keyCheck)
        {
            throw new CryptographicException("The data-protection key was sealed with another Console:KeyRingKey.");
        }

        var sealedBytes = Convert.FromBase64String(sealedSecret.Value);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed data-protection key is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
