using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MiddleServerValidation.Web.Review.KeyRing;

/// <summary>
/// The stored key ring as the key manager may use it: every <c>key</c> whose master key is not sealed with
/// <c>Console:KeyRingKey</c> is left out — the keys earlier versions stored unencrypted, and any key written into the
/// table by someone without the key. With no usable key left the framework makes a new one; sessions sealed with
/// the old keys simply sign in again.
/// </summary>
public sealed partial class SealedKeysOnly(IXmlRepository stored, ILogger<SealedKeysOnly> logger) : IXmlRepository
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly string Decryptor = $"{typeof(KeyRingDecryptor).FullName}, {typeof(KeyRingDecryptor).Assembly.GetName().Name}";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var all = stored.GetAllElements();
        var usable = all.Where(element => element.Name.LocalName != "key" || IsSealed(element)).ToList();
        if (usable.Count < all.Count)
        {
            LogIgnored(logger, all.Count - usable.Count);
        }

        return usable;
    }

    public void StoreElement(XElement element, string friendlyName) => stored.StoreElement(element, friendlyName);

    // Sealed: at least one sealed secret, each opened by our decryptor, and no master key in the clear beside them
    // (the descriptor reads the first master key it finds).
    private static bool IsSealed(XElement key)
    {
        var secrets = key.Descendants(DataProtection + "encryptedSecret").ToList();
        return secrets.Count > 0
            && secrets.All(secret => DecryptorOf(secret) == Decryptor)
            && !key.Descendants().Any(e => e.Name.LocalName == "masterKey");
    }

    private static string DecryptorOf(XElement secret) =>
        string.Join(", ", ((string?)secret.Attribute("decryptorType") ?? "").Split(',', StringSplitOptions.TrimEntries).Take(2));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Ignoring {Count} stored data-protection keys not sealed with Console:KeyRingKey (stored unencrypted by an earlier version, or not written by this service); new keys are made and staff sign in again.")]
    private static partial void LogIgnored(ILogger logger, int count);
}
