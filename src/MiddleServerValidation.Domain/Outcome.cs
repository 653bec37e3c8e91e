namespace MiddleServerValidation.Domain;

/// <summary>The one final outcome of a registration; <see cref="Pending"/> may come first while J-LIS is unreachable.</summary>
public enum Outcome
{
    Accepted,
    Rejected,
    Suspected,
    Pending,
}
