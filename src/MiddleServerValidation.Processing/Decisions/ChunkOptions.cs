using Npgsql;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>How a chunk is decided: what differs between single messages and a batch file's chunks.</summary>
public sealed record ChunkOptions
{
    public static ChunkOptions Default { get; } = new();

    /// <summary>Whether each decided registration gets its notice in the outbox. A batch file answers with its results file instead.</summary>
    public bool WriteNotices { get; init; } = true;
}

/// <summary>
/// Runs inside a chunk's transaction after its writes and before the commit: what must be committed together with
/// the decisions (a batch's results and its checkpoint). It may run more than once for one chunk when the chunk is
/// written again after a race; only the committed run counts.
/// </summary>
public delegate Task BeforeCommit(NpgsqlConnection connection, IReadOnlyList<RegistrationResult> results, CancellationToken cancellationToken);
