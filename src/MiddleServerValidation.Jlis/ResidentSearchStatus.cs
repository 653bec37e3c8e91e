namespace MiddleServerValidation.Jlis;

public enum ResidentSearchStatus
{
    /// <summary>No resident matches: never a reason to guess.</summary>
    NoCandidate,

    OneCandidate,

    /// <summary>More than one resident matches (same name and birthdate): ambiguous, never a reason to pick one.</summary>
    SeveralCandidates,

    /// <summary>J-LIS could not answer; ask again later.</summary>
    Unavailable,
}
