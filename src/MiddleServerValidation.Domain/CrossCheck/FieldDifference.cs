namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// One field that differs, as evidence for staff reviewing the case. It carries the other side's value,
/// so it never goes into a notice to the insurer. <paramref name="Source"/> is <c>registration:{id}</c> or <c>jlis</c>.
/// </summary>
public sealed record FieldDifference(string Field, string CandidateValue, string OtherValue, string Source)
{
    public const string JlisSource = "jlis";
}
