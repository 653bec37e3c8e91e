using System.Security.Cryptography;
using System.Text;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// The keys a record (an insurer's registration id) is serialised by: the advisory lock an operation takes on it, in
/// the same lock space as the personal numbers' (<c>NumberLocks</c>), and the key a batch's chunks in flight share.
/// </summary>
public static class RecordKeys
{
    /// <summary>32 bytes whose first 8 are the lock: the record's key hashed, so it never equals a number's lookup key by design.</summary>
    public static byte[] LockKey(RegistrationKey key) => SHA256.HashData(Encoding.UTF8.GetBytes($"record\n{key.InsurerNumber}\n{key.RegistrationId}"));

    public static string InFlightKey(RegistrationKey key) => $"record:{key.InsurerNumber}:{key.RegistrationId}";
}
