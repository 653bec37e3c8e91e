namespace MiddleServerValidation.Domain.IdentityFacts;

/// <summary>
/// What one side (a registration, or J-LIS's 本人確認情報) says about a person. Null means the side does not know:
/// that fact compares as unknown. Names and addresses as written; comparison normalises them.
/// Its <c>ToString()</c> names the facts present, never their values: they are personal data.
/// </summary>
public sealed record PersonFacts(string? KanjiName, string? KanaName, DateOnly? BirthDate, Sex? Sex, string? Address)
{
    public override string ToString() =>
        $"{nameof(PersonFacts)} {{ {string.Join(", ", Present())} }}";

    private IEnumerable<string> Present()
    {
        if (!string.IsNullOrWhiteSpace(KanjiName))
        {
            yield return nameof(KanjiName);
        }

        if (!string.IsNullOrWhiteSpace(KanaName))
        {
            yield return nameof(KanaName);
        }

        if (BirthDate is not null)
        {
            yield return nameof(BirthDate);
        }

        if (Sex is not null)
        {
            yield return nameof(Sex);
        }

        if (!string.IsNullOrWhiteSpace(Address))
        {
            yield return nameof(Address);
        }
    }
}
