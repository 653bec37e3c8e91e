namespace MiddleServerValidation.Jlis;

/// <summary>The answer to a search. Build it with <see cref="Answered"/> or <see cref="Unavailable"/>.</summary>
public sealed record ResidentSearchResult
{
    private ResidentSearchResult(ResidentSearchStatus status, IReadOnlyList<ResidentCandidate> candidates, bool isTruncated, string? failureCause)
    {
        Status = status;
        Candidates = candidates;
        IsTruncated = isTruncated;
        FailureCause = failureCause;
    }

    public ResidentSearchStatus Status { get; }

    /// <summary>The candidates J-LIS returned, in its order; empty when none or unavailable.</summary>
    public IReadOnlyList<ResidentCandidate> Candidates { get; }

    /// <summary>J-LIS had more candidates than it returns (several, in any case).</summary>
    public bool IsTruncated { get; }

    /// <summary>Why J-LIS was unavailable, in English, for logs. Never holds a searched value.</summary>
    public string? FailureCause { get; }

    public static ResidentSearchResult Answered(IReadOnlyList<ResidentCandidate> candidates, bool isTruncated)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var status = candidates.Count switch
        {
            0 => ResidentSearchStatus.NoCandidate,
            1 when !isTruncated => ResidentSearchStatus.OneCandidate,
            _ => ResidentSearchStatus.SeveralCandidates,
        };
        return new(status, candidates, isTruncated, null);
    }

    public static ResidentSearchResult Unavailable(string failureCause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failureCause);
        return new(ResidentSearchStatus.Unavailable, [], false, failureCause);
    }
}
