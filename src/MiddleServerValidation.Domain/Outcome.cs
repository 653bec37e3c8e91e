namespace MiddleServerValidation.Domain;

/// <summary>
/// The one final outcome of a registration; <see cref="Pending"/> may come first while J-LIS is unreachable. The last
/// two answer operations on a record, never a registration.
/// </summary>
public enum Outcome
{
    Accepted,
    Rejected,
    Suspected,
    Pending,

    /// <summary>A withdrawal was applied.</summary>
    Withdrawn,

    /// <summary>An answer (理由付き疑いなし) was recorded.</summary>
    Answered,
}
