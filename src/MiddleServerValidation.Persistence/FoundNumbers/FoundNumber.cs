namespace MiddleServerValidation.Persistence.FoundNumbers;

/// <summary>
/// A personal number J-LIS's search found for a registration version sent without one, every fact the same: kept for
/// that record's insurer to obtain once (<see cref="RetrievedAt"/>), as a lookup key and ciphertext like any number.
/// </summary>
public sealed class FoundNumber
{
    /// <summary>The registration version (<c>registrations.id</c>) the number was found for.</summary>
    public Guid RegistrationId { get; set; }

    public required string InsurerNumber { get; set; }

    /// <summary>The insurer's own id for the record.</summary>
    public required string RecordId { get; set; }

    public required byte[] NumberKey { get; set; }

    /// <summary>Bound to the record and the field <see cref="PersonalData.FactFields.FoundNumber"/>.</summary>
    public required byte[] NumberCipher { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    public DateTimeOffset? RetrievedAt { get; set; }

    /// <summary>The API key it was obtained with (its id, never the key).</summary>
    public string? RetrievedBy { get; set; }
}
