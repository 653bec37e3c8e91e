using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>Decides chunks of registrations: what the worker's group-commit batcher calls (a fake stands in for it in tests).</summary>
public interface IDecisionStep
{
    Task<IReadOnlyList<RegistrationResult>> DecideAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken);
}

/// <summary>
/// The one decision step for new registrations, a single message's and a batch chunk's alike: the chunk's numbers are
/// locked, their history and the chunk's already stored keys are read once, J-LIS is asked (numbers locked, no
/// transaction open) for what the decisions need, the chunk is decided in memory (<see cref="ChunkDecider"/>), then
/// written and committed in one transaction. Pending J-LIS retries and the nightly re-check decide with the same
/// <see cref="OrderedDecider"/> against histories read the same way.
/// </summary>
public sealed class DecisionStep(
    NpgsqlDataSource dataSource,
    RegistrationIntake intake,
    ResidentAnswers residentAnswers,
    Persistence.PersonalData.PersonalNumberProtector protector,
    PendingLookupSchedule schedule,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ProcessingOptions> processing,
    ILogger<DecisionStep> logger) : IDecisionStep
{
    public async Task<IReadOnlyList<RegistrationResult>> DecideAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        await using var chunk = await OpenAsync(intake.Prepare(submissions), ChunkOptions.Default, cancellationToken);
        return await chunk.CommitAsync(null, cancellationToken);
    }

    /// <summary>For the service's own callers in process (tests, tools): each record's insurer number stands for its sender.</summary>
    public Task<IReadOnlyList<RegistrationResult>> DecideAsync(IReadOnlyList<RegisterEnrollee> messages, CancellationToken cancellationToken) =>
        DecideAsync(messages.Select(m => new Submission(m, null)).ToArray(), cancellationToken);

    /// <summary>
    /// Locks the chunk's numbers, reads what it needs once and decides it, ready for <see cref="OpenChunk.CommitAsync"/>.
    /// Dispose the chunk to release the locks. Chunks committed in order (a batch file's) are opened ahead of their turn;
    /// a number or record that an earlier chunk still in flight holds is passed in <paramref name="deferNumbers"/>
    /// (<see cref="PreparedRegistration.InFlightKeys"/>): its records are locked, read and decided when the chunk commits,
    /// after the earlier chunk has, instead of waiting for it here.
    /// </summary>
    public async Task<OpenChunk> OpenAsync(
        IReadOnlyList<PreparedRegistration> items, ChunkOptions options, CancellationToken cancellationToken,
        IReadOnlySet<string>? deferNumbers = null)
    {
        var deferred = new HashSet<int>();
        for (var i = 0; deferNumbers is { Count: > 0 } && i < items.Count; i++)
        {
            if (items[i].InFlightKeys().Any(deferNumbers.Contains))
            {
                deferred.Add(i);
            }
        }

        var ready = items.Where((_, i) => !deferred.Contains(i)).ToArray();
        var numbers = await LockedNumbers.AcquireAsync(
            dataSource, ready.Where(item => item.NumberKey is not null).Select(i => i.NumberKey!).Concat(OpenChunk.RecordLocks(ready)), cancellationToken);
        try
        {
            var context = new DecisionContext(processing.Value.Rules(), clock.GetUtcNow(), schedule, options.WriteNotices);
            return await OpenChunk.LoadAsync(this, numbers, items, deferred, context, cancellationToken);
        }
        catch
        {
            await numbers.DisposeAsync();
            throw;
        }
    }

    /// <summary>Looks the numbers up in bulk and searches for the records without one, at the same time.</summary>
    internal async Task<Dictionary<string, ResidentAnswer>> AskAsync(
        IEnumerable<string> missing, IReadOnlyCollection<KeyValuePair<string, Domain.Registration.Candidate>> searches, CancellationToken ct)
    {
        var lookups = residentAnswers.LookupAllAsync(missing.Where(key => !SearchKeys.IsSearch(key)), ct);
        var searched = searches.Count == 0 ? [] : await residentAnswers.SearchAllAsync(searches, ct);
        var answers = await lookups;
        foreach (var (key, answer) in searched)
        {
            answers[key] = answer;
        }

        return answers;
    }

    internal ILogger Logger => logger;

    internal Persistence.PersonalData.PersonalNumberProtector Protector => protector;
}
