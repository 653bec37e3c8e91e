namespace MiddleServerValidation.Jlis;

/// <summary>The resident registry (J-LIS / 住基ネット), looked up by personal number or searched by the basic four facts.</summary>
public interface IResidentRegistry
{
    /// <summary>
    /// Looks a resident up. Never throws for registry failures: those come back as
    /// <see cref="ResidentLookupStatus.Unavailable"/>. Throws <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="personalNumber">12 digits, already validated by the caller.</param>
    Task<ResidentLookupResult> LookupAsync(string personalNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Looks many residents up with bulk requests of <c>Jlis:BulkSize</c> numbers, sent concurrently within the
    /// adapter's concurrency limit, each through the same resilience pipeline as a single lookup. Answers in
    /// the order asked; a request that fails makes each of its numbers <see cref="ResidentLookupStatus.Unavailable"/>.
    /// </summary>
    Task<IReadOnlyList<ResidentLookupResult>> LookupManyAsync(IReadOnlyList<string> personalNumbers, CancellationToken cancellationToken);

    /// <summary>
    /// Searches residents by the basic four facts, through the same resilience pipeline as lookups (concurrency limit,
    /// retries, circuit breaker, attempt timeout). Answers zero, one or several candidates, each with its number and
    /// all J-LIS holds, so the caller can check every fact itself. Never throws for registry failures: those come back
    /// as <see cref="ResidentSearchStatus.Unavailable"/>; throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<ResidentSearchResult> SearchAsync(ResidentSearchQuery query, CancellationToken cancellationToken);
}
