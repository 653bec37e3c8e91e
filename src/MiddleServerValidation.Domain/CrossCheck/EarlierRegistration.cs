namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// An earlier Accepted registration of the same personal number, by any insurer (the caller selects them).
/// <paramref name="KanaName"/> is as stored: it may hold ● or other lost characters, which make it unknown.
/// </summary>
/// <paramref name="KanjiName"/> and <paramref name="Address"/> are known only where the caller decrypted them (null: unknown).
public sealed record EarlierRegistration(
    Guid Id, string InsurerNumber, DateOnly BirthDate, string KanaName, Sex? Sex, string? KanjiName = null, string? Address = null)
{
    public string Source => $"registration:{Id}";
}
