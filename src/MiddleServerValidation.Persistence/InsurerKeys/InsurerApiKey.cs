namespace MiddleServerValidation.Persistence.InsurerKeys;

/// <summary>An insurer's API key, stored as a SHA-256 hash only; the key itself is shown once, when it is created.</summary>
public sealed class InsurerApiKey
{
    /// <summary>The key's public prefix, to find its row without comparing every hash.</summary>
    public required string KeyId { get; set; }

    public required string InsurerNumber { get; set; }
    public required byte[] SecretHash { get; set; }
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
