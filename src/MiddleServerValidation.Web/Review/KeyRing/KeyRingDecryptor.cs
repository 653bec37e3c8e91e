using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace MiddleServerValidation.Web.Review.KeyRing;

/// <summary>
/// Opens a master key sealed by <see cref="KeyRingEncryptor"/>. The framework creates it by the type name stored with
/// the key, handing it the host's services: a process without <see cref="KeyRingCipher"/> (without the configured
/// key) cannot open the ring.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<KeyRingCipher>().Decrypt(encryptedElement);
}
