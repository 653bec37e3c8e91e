namespace MiddleServerValidation.Jlis;

/// <summary>What J-LIS holds about a resident, as far as the cross-checks need it.</summary>
/// <param name="KanaName">As J-LIS returns it; compare only after kana normalisation.</param>
/// <param name="Sex">"1" male, "2" female, or null when J-LIS does not say.</param>
public sealed record ResidentRecord(string KanaName, DateOnly BirthDate, string? Sex);
