using System.Text.Json;
using MiddleServerValidation.Persistence.Reconciliation;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>The run records: which runs exist, how far each step got, how each run ended.</summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    private const string RunColumns = "id, run_date, trigger, rule_set_version, steps, status, started_at, finished_at, error, host";

    internal async Task CreateAsync(ReconciliationRun run, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO reconciliation_runs ({RunColumns}) VALUES (@id, @date, @trigger, @rules, @steps, @status, @started, NULL, NULL, @host)");
        command.Parameters.AddWithValue("id", run.Id);
        command.Parameters.AddWithValue("date", run.RunDate);
        command.Parameters.AddWithValue("trigger", run.Trigger);
        command.Parameters.AddWithValue("rules", run.RuleSetVersion);
        command.Parameters.AddWithValue("steps", run.Steps);
        command.Parameters.AddWithValue("status", run.Status);
        command.Parameters.AddWithValue("started", run.StartedAt);
        command.Parameters.AddWithValue("host", (object?)run.Host ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Runs left Running: with the run lock held, nobody is working on them, so their process crashed.
    /// The newest is resumed; older ones are closed as failed, since its work supersedes theirs.
    /// </summary>
    internal async Task<ReconciliationRun?> TakeCrashedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var crashed = await QueryRunsAsync(
            $"SELECT {RunColumns} FROM reconciliation_runs WHERE status = 'Running' AND trigger <> 'DryRun' ORDER BY started_at DESC", null, ct);
        foreach (var older in crashed.Skip(1))
        {
            await FinishRunAsync(older.Id, ReconciliationRunStatuses.Failed, "中断後、より新しい実行に引き継がれました (superseded by a later run)", now, ct);
        }

        return crashed.FirstOrDefault();
    }

    /// <summary>Whether the schedule's run for this day has ended (finished or failed): the schedule runs once a day.</summary>
    internal async Task<bool> ScheduledRunEndedAsync(DateOnly day, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM reconciliation_runs WHERE run_date = @day AND trigger = 'Schedule' AND status <> 'Running')");
        command.Parameters.AddWithValue("day", day);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    public async Task<IReadOnlyList<ReconciliationRun>> RecentRunsAsync(int limit, CancellationToken ct) =>
        await QueryRunsAsync($"SELECT {RunColumns} FROM reconciliation_runs ORDER BY started_at DESC LIMIT @limit", ("limit", limit), ct);

    public async Task<ReconciliationRun?> FindRunAsync(Guid id, CancellationToken ct) =>
        (await QueryRunsAsync($"SELECT {RunColumns} FROM reconciliation_runs WHERE id = @id", ("id", id), ct)).SingleOrDefault();

    public async Task<IReadOnlyList<ReconciliationStepRecord>> StepsOfAsync(Guid runId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT step, status, started_at, finished_at, counts::text, checkpoint, warning, error FROM reconciliation_steps WHERE run_id = @run");
        command.Parameters.AddWithValue("run", runId);
        var steps = new List<ReconciliationStepRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            steps.Add(new ReconciliationStepRecord
            {
                RunId = runId,
                Step = reader.GetString(0),
                Status = reader.GetString(1),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(2),
                FinishedAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                CountsJson = reader.GetString(4),
                Checkpoint = reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5),
                Warning = reader.IsDBNull(6) ? null : reader.GetString(6),
                Error = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return steps;
    }

    /// <summary>Marks a step running; a resumed step keeps its checkpoint and counts.</summary>
    internal async Task StartStepAsync(Guid runId, string step, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO reconciliation_steps (run_id, step, status, started_at, counts) VALUES (@run, @step, 'Running', @now, '{}') " +
            "ON CONFLICT (run_id, step) DO UPDATE SET status = 'Running', error = NULL");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Saves a checkpoint inside the caller's transaction, so the work and the checkpoint commit together.</summary>
    internal static async Task SaveCheckpointAsync(
        NpgsqlConnection connection, Guid runId, string step, byte[] checkpoint, IReadOnlyDictionary<string, long> counts, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE reconciliation_steps SET checkpoint = @checkpoint, counts = @counts::jsonb WHERE run_id = @run AND step = @step", connection);
        command.Parameters.AddWithValue("checkpoint", checkpoint);
        command.Parameters.AddWithValue("counts", JsonSerializer.Serialize(counts));
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal async Task FinishStepAsync(Guid runId, string step, StepResult result, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE reconciliation_steps SET status = 'Finished', finished_at = @now, counts = @counts::jsonb, warning = @warning " +
            "WHERE run_id = @run AND step = @step");
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("counts", JsonSerializer.Serialize(result.Counts));
        command.Parameters.AddWithValue("warning", (object?)result.Warning ?? DBNull.Value);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal async Task FailStepAsync(Guid runId, string step, string error, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE reconciliation_steps SET status = 'Failed', finished_at = @now, error = @error WHERE run_id = @run AND step = @step");
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("step", step);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal async Task FinishRunAsync(Guid runId, string status, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE reconciliation_runs SET status = @status, finished_at = @now, error = @error WHERE id = @id");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static IReadOnlyDictionary<string, long> CountsOf(ReconciliationStepRecord? step) =>
        step is null ? new Dictionary<string, long>() : JsonSerializer.Deserialize<Dictionary<string, long>>(step.CountsJson) ?? [];

    private async Task<List<ReconciliationRun>> QueryRunsAsync(string sql, (string Name, object Value)? parameter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (parameter is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }

        var runs = new List<ReconciliationRun>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            runs.Add(new ReconciliationRun
            {
                Id = reader.GetGuid(0),
                RunDate = reader.GetFieldValue<DateOnly>(1),
                Trigger = reader.GetString(2),
                RuleSetVersion = reader.GetString(3),
                Steps = reader.GetFieldValue<string[]>(4),
                Status = reader.GetString(5),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(6),
                FinishedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                Error = reader.IsDBNull(8) ? null : reader.GetString(8),
                Host = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }

        return runs;
    }
}
