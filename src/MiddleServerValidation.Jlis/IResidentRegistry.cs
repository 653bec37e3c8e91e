namespace MiddleServerValidation.Jlis;

/// <summary>The resident registry (J-LIS / 住基ネット), looked up by personal number.</summary>
public interface IResidentRegistry
{
    /// <summary>
    /// Looks a resident up. Never throws for registry failures: those come back as
    /// <see cref="ResidentLookupStatus.Unavailable"/>. Throws <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="personalNumber">12 digits, already validated by the caller.</param>
    Task<ResidentLookupResult> LookupAsync(string personalNumber, CancellationToken cancellationToken);
}
