using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.Operations;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Processing.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// A chunk decided in memory under its numbers' locks, not yet written. <see cref="CommitAsync"/> writes it in one
/// transaction; <see cref="CommitOneAsync"/> writes its records one at a time when the database refuses the chunk as a
/// whole. The locks are held until the chunk is disposed, so its history stays as it was read.
/// </summary>
public sealed class OpenChunk : IAsyncDisposable
{
    private const int MaxAttempts = 3;

    private readonly DecisionStep _step;
    private readonly LockedNumbers _numbers;
    private readonly IReadOnlyList<PreparedRegistration> _items;
    private readonly DecisionContext _context;
    private readonly HashSet<int> _deferred;
    private readonly Dictionary<string, ResidentAnswer> _answers = new(StringComparer.Ordinal);
    private Dictionary<RegistrationKey, ExistingRegistration> _existing = [];
    private OperationTargets? _targets;
    private HistoryBook _history = HistoryBook.Empty();
    private DecidedChunk _decided = DecidedChunk.Empty;
    private HistoryBook? _oneByOneHistory;

    private OpenChunk(DecisionStep step, LockedNumbers numbers, IReadOnlyList<PreparedRegistration> items, HashSet<int> deferred, DecisionContext context) =>
        (_step, _numbers, _items, _deferred, _context) = (step, numbers, items, deferred, context);

    public IReadOnlyList<PreparedRegistration> Items => _items;

    /// <summary>The results of a committed chunk once <see cref="CommitAsync"/> returns.</summary>
    public IReadOnlyList<RegistrationResult> Results => _decided.Results;

    private NpgsqlConnection Connection => _numbers.Connection;

    internal static async Task<OpenChunk> LoadAsync(
        DecisionStep step, LockedNumbers numbers, IReadOnlyList<PreparedRegistration> items, HashSet<int> deferred, DecisionContext context,
        CancellationToken ct)
    {
        var chunk = new OpenChunk(step, numbers, items, deferred, context);
        chunk._existing = await HistoryQueries.LoadExistingAsync(chunk.Connection, chunk.Keys(), ct);
        await chunk.LoadTargetsAsync(items.Where((_, i) => !deferred.Contains(i)), ct);
        chunk._history = await HistoryQueries.LoadHistoryAsync(chunk.Connection, NumberKeys(items.Where((_, i) => !deferred.Contains(i))), ct);
        if (deferred.Count == 0)
        {
            chunk._decided = ChunkRows.Build(items, (await chunk.DecideAsync(items, chunk._history, ct)).Verdicts, context);
        }
        else
        {
            // Decided here only to ask J-LIS ahead; the rows are built once the deferred records are decided too.
            await chunk.DecideAsync(items.Where((_, i) => !deferred.Contains(i)).ToArray(), chunk._history, ct);
        }

        return chunk;
    }

    /// <summary>Writes the decided chunk and <paramref name="beforeCommit"/> in one transaction, and commits.</summary>
    public async Task<IReadOnlyList<RegistrationResult>> CommitAsync(BeforeCommit? beforeCommit, CancellationToken ct)
    {
        await ResolveDeferredAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await Connection.BeginTransactionAsync(ct);
                await _decided.Write().WriteAsync(Connection, _step.Protector, _context.Now, ct);
                if (beforeCommit is not null)
                {
                    await beforeCommit(Connection, _decided.Results, ct);
                }

                await transaction.CommitAsync(ct);
                return _decided.Results;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Another worker stored one of these keys since they were read (a redelivery under another number, which
                // these locks do not cover): read the keys again and decide again; that record is now a duplicate.
                _step.Logger.LogInformation("Chunk of {Count} raced a concurrent insert ({Constraint}); deciding it again", _items.Count, e.ConstraintName);
                _existing = await HistoryQueries.LoadExistingAsync(Connection, Keys(), ct);
                if (_targets is not null)
                {
                    _targets = OperationTargets.Empty;
                    await LoadTargetsAsync(_items, ct);
                }

                _decided = ChunkRows.Build(_items, (await DecideAsync(_items, _history, ct)).Verdicts, _context);
            }
        }
    }

    /// <summary>
    /// Decides and commits one record alone, in a transaction of its own with what <paramref name="beforeCommit"/> adds,
    /// under this chunk's locks: for a chunk the database refused as a whole, whose records are then committed one at a
    /// time in order. A record the database refuses alone (<paramref name="isRecordFault"/>) is rolled back and null is
    /// returned; the records after it are decided as if it had never arrived.
    /// </summary>
    public async Task<RegistrationResult?> CommitOneAsync(
        int index, Func<RegistrationResult, NpgsqlConnection, CancellationToken, Task> beforeCommit, Func<Exception, bool> isRecordFault,
        CancellationToken ct)
    {
        await ResolveDeferredAsync(ct);
        var item = _items[index];
        var (verdicts, after) = await DecideAsync([item], _oneByOneHistory ?? _history, ct);
        var decided = ChunkRows.Build([item], verdicts, _context);
        var result = decided.Results[0];
        try
        {
            await using var transaction = await Connection.BeginTransactionAsync(ct);
            await decided.Write().WriteAsync(Connection, _step.Protector, _context.Now, ct);
            await beforeCommit(result, Connection, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (isRecordFault(e))
        {
            return null;
        }

        _oneByOneHistory = after;
        if (item.Key is { } key && result is { Kind: RegistrationResultKind.Decided, Outcome: { } outcome })
        {
            _existing[key] = new ExistingRegistration(item.Id, outcome);
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own on this chunk's connection, and commits.</summary>
    public async Task InTransactionAsync(Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken ct)
    {
        await using var transaction = await Connection.BeginTransactionAsync(ct);
        await work(Connection, ct);
        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => _numbers.DisposeAsync();

    /// <summary>
    /// The deferred records' numbers, now that the earlier chunks holding them have committed: locked (after this
    /// chunk's own, so a third party holding one of them and waiting for ours makes PostgreSQL report a deadlock,
    /// which fails the chunk for a retry), their history read once, and the chunk decided in full.
    /// </summary>
    private async Task ResolveDeferredAsync(CancellationToken ct)
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        var deferred = _items.Where((_, i) => _deferred.Contains(i)).ToArray();
        var keys = NumberKeys(deferred);
        await NumberLocks.AcquireForSessionAsync(Connection, keys.Concat(RecordLocks(deferred)), ct);
        await LoadTargetsAsync(deferred, ct);
        _history.AddAll(await HistoryQueries.LoadHistoryAsync(Connection, keys, ct));
        // The earlier chunk may have stored one of these keys (a registration id repeated in the file).
        foreach (var (key, stored) in await HistoryQueries.LoadExistingAsync(Connection, Keys(deferred), ct))
        {
            _existing[key] = stored;
        }

        _deferred.Clear();
        _decided = ChunkRows.Build(_items, (await DecideAsync(_items, _history, ct)).Verdicts, _context);
    }

    /// <summary>The record locks of a chunk's operations: two operations on one record are applied one after the other.</summary>
    internal static IEnumerable<byte[]> RecordLocks(IEnumerable<PreparedRegistration> items) =>
        items.Where(i => i.RecordLockKey is not null).Select(i => i.RecordLockKey!);

    /// <summary>
    /// The records the operations among <paramref name="items"/> act on (their records already locked) and the operations
    /// already applied, added to what the chunk has read; then the numbers of those records' current versions are locked
    /// too, since a correction or withdrawal takes a version out of its number's history.
    /// </summary>
    private async Task LoadTargetsAsync(IEnumerable<PreparedRegistration> items, CancellationToken ct)
    {
        var operations = items.Where(i => !i.Operation.IsRegistration && i.Key is not null).ToArray();
        if (operations.Length == 0)
        {
            return;
        }

        var records = await OperationTargetQueries.LoadTargetsAsync(Connection, Keys(operations), _step.Protector, ct);
        var applied = await OperationTargetQueries.LoadAppliedAsync(
            Connection, operations.Select(o => (o.Key!, o.OperationKey!)).Distinct().ToArray(), ct);
        var before = _targets ?? OperationTargets.Empty;
        _targets = new OperationTargets(
            before.Records.Concat(records).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            before.Applied.Concat(applied).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        // Locked after the chunk's own: a holder of one of these waiting for ours is a deadlock PostgreSQL reports, and the chunk is retried.
        await NumberLocks.AcquireForSessionAsync(Connection, records.Values.Where(r => r.NumberKey is not null).Select(r => r.NumberKey!), ct);
    }

    // The records without a number the rules want searched for, by their search keys.
    private static List<KeyValuePair<string, Candidate>> SearchesOf(IReadOnlyList<PreparedRegistration> items, IReadOnlyCollection<string> missing)
    {
        var searches = missing.Where(SearchKeys.IsSearch).ToHashSet(StringComparer.Ordinal);
        return searches.Count == 0 ? [] : items
            .Where(item => item.Candidate is not null && searches.Contains(SearchKeys.Of(item)))
            .Select(item => KeyValuePair.Create(SearchKeys.Of(item), item.Candidate!))
            .ToList();
    }

    private static byte[][] NumberKeys(IEnumerable<PreparedRegistration> items) =>
        items.Where(i => i.NumberKey is not null).Select(i => i.NumberKey!).ToArray();

    private RegistrationKey[] Keys() => Keys(_items);

    private static RegistrationKey[] Keys(IEnumerable<PreparedRegistration> items) =>
        items.Where(i => i.Key is not null).Select(i => i.Key!).Distinct().ToArray();

    /// <summary>
    /// Decides in memory from <paramref name="history"/> as loaded (left as it is; the history with the accepted records
    /// added comes back); when the decisions need J-LIS answers not yet at hand, asks for them (the numbers stay locked,
    /// no transaction is open) and decides again.
    /// </summary>
    private async Task<(ChunkVerdicts Verdicts, HistoryBook After)> DecideAsync(
        IReadOnlyList<PreparedRegistration> items, HistoryBook history, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var after = history.Copy();
            var verdicts = ChunkDecider.Decide(items, _existing, after, _answers, _context.Rules, _targets);
            if (verdicts.MissingAnswers.Count == 0)
            {
                return (verdicts, after);
            }

            if (round > items.Count + 1)
            {
                throw new InvalidOperationException("J-LIS answers are still missing after asking for them.");
            }

            foreach (var (key, answer) in await _step.AskAsync(verdicts.MissingAnswers, SearchesOf(items, verdicts.MissingAnswers), ct))
            {
                _answers[key] = answer;
            }
        }
    }
}
