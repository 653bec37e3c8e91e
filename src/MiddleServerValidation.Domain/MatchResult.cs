namespace MiddleServerValidation.Domain;

/// <summary>
/// What comparing one fact of two records can tell. <see cref="Unknown"/> is not a weak mismatch: it means the
/// value is missing or a character was lost (●, 〓, …), so the fact can neither confirm nor contradict.
/// </summary>
public enum MatchResult
{
    Same,
    Different,
    Unknown,
}
