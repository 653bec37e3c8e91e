using System.Diagnostics.CodeAnalysis;

namespace MiddleServerValidation.Jlis;

/// <summary>The answer to one lookup. Build it with <see cref="Found"/>, <see cref="NotFound"/> or <see cref="Unavailable"/>.</summary>
public sealed record ResidentLookupResult
{
    private static readonly ResidentLookupResult NotFoundResult = new(ResidentLookupStatus.NotFound, null, null);

    private ResidentLookupResult(ResidentLookupStatus status, ResidentRecord? resident, string? failureCause)
    {
        Status = status;
        Resident = resident;
        FailureCause = failureCause;
    }

    public ResidentLookupStatus Status { get; }

    /// <summary>Set only when <see cref="Status"/> is <see cref="ResidentLookupStatus.Found"/>.</summary>
    public ResidentRecord? Resident { get; }

    /// <summary>Why J-LIS was unavailable, in English, for logs. Never holds the personal number.</summary>
    public string? FailureCause { get; }

    [MemberNotNullWhen(true, nameof(Resident))]
    public bool IsFound => Status == ResidentLookupStatus.Found;

    public static ResidentLookupResult Found(ResidentRecord resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new(ResidentLookupStatus.Found, resident, null);
    }

    public static ResidentLookupResult NotFound() => NotFoundResult;

    public static ResidentLookupResult Unavailable(string failureCause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failureCause);
        return new(ResidentLookupStatus.Unavailable, null, failureCause);
    }
}
