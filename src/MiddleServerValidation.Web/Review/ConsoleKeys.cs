namespace MiddleServerValidation.Web.Review;

/// <summary>
/// The console's own secrets (section <c>Console</c>): base64 of 32 random bytes each. They come from the environment
/// or a secret store, never from code or the database they protect.
/// </summary>
public sealed class ConsoleKeys
{
    public const int KeySize = 32;

    /// <summary>
    /// AES-256-GCM key of the data-protection key ring stored in <c>data_protection_keys</c> (the keys that seal
    /// sign-in cookies and anti-forgery tokens). Changing it makes the stored ring unreadable: new keys are made and
    /// everyone signs in again.
    /// </summary>
    public string? KeyRingKey { get; set; }

    /// <summary>
    /// HMAC-SHA256 key of the fingerprint the audit log records instead of a user name no account has (a failed
    /// sign-in's name is whatever a visitor typed). Changing it changes the fingerprints of later rows only.
    /// </summary>
    public string? AuditNameKey { get; set; }
}
