using System.Security.Cryptography;
using System.Text;

namespace MiddleServerValidation.Persistence.InsurerKeys;

/// <summary>
/// API keys look like <c>msv_1a2b3c4d5e6f_&lt;43 base64url characters&gt;</c>: a public key id, then 256 random bits.
/// With that much entropy a plain SHA-256 is enough to store them (no password hashing needed), and the
/// comparison is constant-time so that timing tells an attacker nothing about a stored hash.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "msv_";

    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>The key id of a well-formed key, or null.</summary>
    public static string? KeyIdOf(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 128)
        {
            return null;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        return separator == Prefix.Length + 12 && separator < key.Length - 1 ? key[Prefix.Length..separator] : null;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
