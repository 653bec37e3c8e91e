using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.InsurerNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Registration;

/// <summary>
/// The one registration path, for a single message, a batch chunk or a re-check alike:
/// read and validate, ask J-LIS outside any transaction, then under per-number locks load the
/// history of the whole chunk in one query, decide each record in order, and write in bulk.
/// </summary>
public sealed class RegistrationProcessor(
    NpgsqlDataSource dataSource,
    RegistrationReader reader,
    PersonalNumberProtector protector,
    ResidentAnswers residentAnswers,
    PendingLookupSchedule schedule,
    TimeProvider clock,
    ILogger<RegistrationProcessor> logger)
{
    private const int MaxAttempts = 3;

    public async Task<IReadOnlyList<RegistrationResult>> ProcessAsync(IReadOnlyList<RegisterEnrollee> messages, CancellationToken cancellationToken) =>
        await DecideAsync(await PrepareAsync(messages, cancellationToken), ChunkOptions.Default, cancellationToken);

    /// <summary>
    /// Reads, validates and protects a chunk and asks J-LIS what it will likely need, holding no lock: a caller
    /// deciding chunks in order (a batch file) prepares the next chunk while the one before is being decided.
    /// </summary>
    public async Task<PreparedChunk> PrepareAsync(IReadOnlyList<RegisterEnrollee> messages, CancellationToken cancellationToken)
    {
        var prepared = new PreparedRegistration[messages.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Prepare(messages[i]);
        }

        return new PreparedChunk(prepared, await PrefetchAnswersAsync(prepared, cancellationToken));
    }

    /// <summary>
    /// Decides a prepared chunk in one transaction and commits it. Anything the history gained since the chunk
    /// was prepared is seen: the decision is made under the locks, against the history as it is then.
    /// </summary>
    public async Task<IReadOnlyList<RegistrationResult>> DecideAsync(PreparedChunk chunk, ChunkOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideAndStoreAsync(chunk.Items, chunk.Answers, options, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Another worker stored one of these registrations after our read: decide again, it is now a duplicate.
                logger.LogInformation("Chunk of {Count} raced a concurrent insert ({Constraint}); deciding it again", chunk.Count, e.ConstraintName);
            }
            catch (AnswersMissingException missing) when (attempt < MaxAttempts)
            {
                // History changed between prefetch and lock (a concurrent registration): ask J-LIS with no lock held.
                foreach (var (number, answer) in await residentAnswers.LookupAllAsync(missing.PersonalNumbers, cancellationToken))
                {
                    chunk.Answers[number] = answer;
                }
            }
        }
    }

    private PreparedRegistration Prepare(RegisterEnrollee message)
    {
        var read = reader.Read(message);
        var addressable = !read.Problems.Any(p => p.Field is "insurerNumber" or "registrationId");
        var number = read.Candidate?.PersonalNumber?.Value;
        var key = number is null ? null : protector.LookupKey(number);
        return new PreparedRegistration
        {
            Message = message,
            Read = read,
            IdempotencyKey = addressable ? (InsurerNumber.Parse(message.InsurerNumber).Value.Value, message.RegistrationId!.Trim()) : null,
            BatchId = read.Candidate?.BatchId ?? StorableBatchId(message.BatchId),
            NumberKey = key,
            NumberKeyHex = key is null ? null : Convert.ToHexString(key),
            NumberCipher = string.IsNullOrWhiteSpace(message.PersonalNumber) ? null : protector.Encrypt(message.PersonalNumber),
        };
    }

    /// <summary>
    /// J-LIS answers for every record that will likely need one, fetched before the transaction so that no
    /// lock is held during HTTP calls. Records of the chunk count as history for the ones after them.
    /// </summary>
    private async Task<Dictionary<string, ResidentAnswer>> PrefetchAnswersAsync(PreparedRegistration[] prepared, CancellationToken ct)
    {
        var keyed = prepared.Where(p => p.NumberKey is not null && p.IdempotencyKey is not null).ToArray();
        if (keyed.Length == 0)
        {
            return new Dictionary<string, ResidentAnswer>(StringComparer.Ordinal);
        }

        Dictionary<string, List<EarlierRegistration>> history;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            history = await HistoryQueries.LoadHistoryAsync(connection, keyed.Select(p => p.NumberKey!).ToArray(), ct);
        }

        var needed = new List<string>();
        foreach (var item in keyed)
        {
            var earlier = HistoryOf(history, item.NumberKeyHex!);
            var candidate = item.Candidate!;
            if (CrossCheckEngine.NeedsResidentLookup(candidate, earlier))
            {
                needed.Add(candidate.PersonalNumber!.Value.Value);
            }

            earlier.Add(AsEarlier(item));
        }

        return await residentAnswers.LookupAllAsync(needed, ct);
    }

    private async Task<IReadOnlyList<RegistrationResult>> DecideAndStoreAsync(
        PreparedRegistration[] prepared, Dictionary<string, ResidentAnswer> answers, ChunkOptions options, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var keys = prepared.Where(p => p.IdempotencyKey is not null).Select(p => p.IdempotencyKey!.Value).Distinct().ToArray();
        var numberKeys = prepared.Where(p => p.NumberKey is not null).Select(p => p.NumberKey!).ToArray();
        // One lock per personal number. Redeliveries racing each other need none: the unique index
        // rejects the second insert and the chunk is decided again, finding the first.
        await RegistrationLocks.AcquireAsync(connection, numberKeys.Select(PersonalNumberProtector.LockKeyOf), ct);
        var existing = await HistoryQueries.LoadExistingAsync(connection, keys, ct);
        var history = await HistoryQueries.LoadHistoryAsync(connection, numberKeys, ct);

        var now = clock.GetUtcNow();
        var write = new ChunkWrite();
        var decidedInChunk = new Dictionary<(string, string), RegistrationResult>();
        var results = new RegistrationResult[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            var item = prepared[i];
            if (item.IdempotencyKey is not { } key)
            {
                results[i] = new RegistrationResult(RegistrationResultKind.Unaddressable, null, null, null, item.Read.Problems);
            }
            else if (existing.TryGetValue(key, out var stored))
            {
                results[i] = new RegistrationResult(RegistrationResultKind.Duplicate, stored.Id, stored.Outcome, null, []);
            }
            else if (decidedInChunk.TryGetValue(key, out var first))
            {
                results[i] = first with { Kind = RegistrationResultKind.Duplicate, NoticeId = null };
            }
            else
            {
                var answer = AnswerIfNeeded(item, history, answers);
                results[i] = decidedInChunk[key] = StoredRows.Add(write, item, key, history, answer, schedule, now, options.WriteNotices);
            }
        }

        await write.WriteAsync(connection, ct);
        if (options.BeforeCommit is { } beforeCommit)
        {
            await beforeCommit(connection, results, ct);
        }

        await transaction.CommitAsync(ct);
        return results;
    }

    private static ResidentAnswer? AnswerIfNeeded(
        PreparedRegistration item, Dictionary<string, List<EarlierRegistration>> history, Dictionary<string, ResidentAnswer> answers)
    {
        if (item.Candidate is not { PersonalNumber: { } number } candidate
            || !CrossCheckEngine.NeedsResidentLookup(candidate, HistoryOf(history, item.NumberKeyHex!)))
        {
            return null;
        }

        return answers.TryGetValue(number.Value, out var answer) ? answer : throw new AnswersMissingException([number.Value]);
    }

    /// <summary>Thrown inside the transaction so that it rolls back before J-LIS is asked.</summary>
    private sealed class AnswersMissingException(IReadOnlyList<string> personalNumbers) : Exception("J-LIS answers missing for a chunk")
    {
        public IReadOnlyList<string> PersonalNumbers { get; } = personalNumbers;
    }

    /// <summary>A rejected record keeps its batch id only when it fits the column; the value as sent is in <c>submitted</c>.</summary>
    private static string? StorableBatchId(string? batchId) =>
        batchId?.Trim() is { Length: > 0 and <= 64 } trimmed ? trimmed : null;

    internal static List<EarlierRegistration> HistoryOf(Dictionary<string, List<EarlierRegistration>> history, string keyHex)
    {
        if (!history.TryGetValue(keyHex, out var list))
        {
            history[keyHex] = list = [];
        }

        return list;
    }

    internal static EarlierRegistration AsEarlier(PreparedRegistration item) => new(
        item.Id, item.IdempotencyKey!.Value.Insurer, item.Candidate!.BirthDate, item.Candidate.KanaName.Normalized, item.Candidate.Sex);
}
