namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>What the resident registry (J-LIS / 住基ネット) answered for a personal number.</summary>
public abstract record ResidentAnswer
{
    private ResidentAnswer()
    {
    }

    /// <summary>
    /// The 本人確認情報 for the number. <paramref name="KanaName"/> may hold ● (unknown, not a mismatch); a null
    /// <paramref name="KanjiName"/> or <paramref name="Address"/> is not known (an older registry, or an answer kept
    /// without them). Its <c>ToString()</c> names no value.
    /// </summary>
    public sealed record Found(string KanaName, DateOnly BirthDate, Sex? Sex, string? KanjiName = null, string? Address = null) : ResidentAnswer
    {
        public IdentityFacts.PersonFacts Facts => new(KanjiName, KanaName, BirthDate, Sex, Address);

        public override string ToString() => $"{nameof(Found)} {{ {Facts} }}";
    }

    /// <summary>No resident has this number.</summary>
    public sealed record NotFound : ResidentAnswer;

    /// <summary>J-LIS could not be asked; <paramref name="Cause"/> is for staff and logs, never for the insurer.</summary>
    public sealed record Unavailable(string Cause) : ResidentAnswer;

    /// <summary>
    /// What a search by the basic four facts (for a registration without a number) found, in J-LIS's order;
    /// <paramref name="IsTruncated"/>: J-LIS had more than it returned. Its <c>ToString()</c> names no number or value.
    /// </summary>
    public sealed record Searched(IReadOnlyList<SearchCandidate> Candidates, bool IsTruncated) : ResidentAnswer
    {
        public override string ToString() => $"{nameof(Searched)} {{ Candidates = {Candidates.Count}, IsTruncated = {IsTruncated} }}";
    }
}

/// <summary>A resident a search found: its number (masked by <c>ToString()</c>) and what J-LIS holds.</summary>
public sealed record SearchCandidate(PersonalNumbers.PersonalNumber PersonalNumber, ResidentAnswer.Found Resident);
