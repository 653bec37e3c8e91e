using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace MiddleServerValidation.Web.Review.KeyRing;

/// <summary>Seals each new data-protection key's master key before it is stored; <see cref="KeyRingDecryptor"/> opens it.</summary>
public sealed class KeyRingEncryptor(KeyRingCipher cipher) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(cipher.Encrypt(plaintextElement), typeof(KeyRingDecryptor));
}
