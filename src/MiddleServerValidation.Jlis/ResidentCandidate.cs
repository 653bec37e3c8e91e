namespace MiddleServerValidation.Jlis;

/// <summary>A resident a search found: its 個人番号 and what J-LIS holds. <c>ToString()</c> masks the number.</summary>
public sealed record ResidentCandidate(string PersonalNumber, ResidentRecord Resident)
{
    public override string ToString()
    {
        var shown = Math.Min(4, PersonalNumber.Length);
        return $"{nameof(ResidentCandidate)} {{ PersonalNumber = {new string('*', PersonalNumber.Length - shown)}{PersonalNumber[^shown..]}, {Resident} }}";
    }
}
