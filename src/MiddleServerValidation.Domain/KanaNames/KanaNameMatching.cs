namespace MiddleServerValidation.Domain.KanaNames;

/// <summary>カナ氏名 comparison in the three-valued terms of the other facts, by the rules of <see cref="KanaName.SameName"/>.</summary>
public static class KanaNameMatching
{
    /// <summary>
    /// <see cref="MatchResult.Unknown"/> when either name is missing, holds ● or 〓, or is not kana after normalisation
    /// (a J-LIS name written otherwise cannot be compared); otherwise same or different after the legacy fold.
    /// </summary>
    public static MatchResult Compare(string? first, string? second)
    {
        var a = KanaName.ReadKnown(first);
        var b = KanaName.ReadKnown(second);
        if (a is null || b is null)
        {
            return MatchResult.Unknown;
        }

        return KanaName.SameName(a, b) ? MatchResult.Same : MatchResult.Different;
    }
}
