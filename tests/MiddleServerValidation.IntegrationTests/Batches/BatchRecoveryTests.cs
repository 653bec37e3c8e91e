using System.Text;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>
/// A worker stopped in the middle of a batch, or its database sessions killed mid-chunk: the batch resumes at the
/// checkpoint, and in the end every row has exactly one result and every stored row exactly one registration.
/// </summary>
public sealed class BatchRecoveryTests(BatchRecoveryTests.Fixture fixture) : IClassFixture<BatchRecoveryTests.Fixture>
{
    private const int Rows = 3_000;
    private const int Seed = 9_100_000;
    private const int KillSeed = 9_200_000;
    private const string KilledWorker = "msv-worker-killed";

    // Small chunks, each waiting on a slow J-LIS, so that the batch is still running when it is interrupted.
    private static readonly Dictionary<string, string?> SmallChunks = new() { ["Batches:ChunkSize"] = "20" };

    public sealed class Fixture : BatchFixture
    {
        // Every third number is known to J-LIS; the others are not found. Every row needs a lookup.
        protected override IEnumerable<string> ExtraResidents => new[] { Seed, KillSeed }.SelectMany(seed =>
            Enumerable.Range(0, Rows).Where(i => i % 3 == 0).Select(i => $"{TestData.PersonalNumber(seed + i)},シカク タロウ,1980-01-01,1"));
    }

    [Fact]
    public async Task A_worker_stopped_mid_batch_is_resumed_and_every_row_has_exactly_one_result()
    {
        await fixture.SetStubFaultsAsync(latencyMs: 40);
        var first = await fixture.StartWorkerAsync(SmallChunks);
        using var api = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerA)));
        var batchId = await api.SubmitAsync(File("K", Seed));
        var atStop = await Eventually.GetAsync(() => RowsDoneAsync(batchId), done => done >= 200, BatchApi.Timeout, "the first chunks");
        await fixture.StopAsync(first);
        // One snapshot: the checkpoint and the results committed with it always agree.
        var (stopped, results) = await CheckpointAndResultsAsync(batchId);
        Assert.InRange(atStop, 200, Rows - 1);
        Assert.InRange(stopped, atStop, Rows - 1);
        Assert.Equal(stopped, results);

        await fixture.SetStubFaultsAsync();
        await fixture.StartWorkerAsync(SmallChunks);
        await AssertEveryRowDecidedOnceAsync(api, batchId);
    }

    [Fact]
    public async Task Database_sessions_killed_mid_chunk_roll_back_and_the_batch_resumes_at_its_checkpoint()
    {
        await fixture.SetStubFaultsAsync(latencyMs: 30);
        // Its own application name, so that only this worker's sessions are killed.
        await fixture.StartWorkerAsync(new Dictionary<string, string?>(SmallChunks)
        {
            ["ConnectionStrings:Validation"] = fixture.ConnectionString + ";Application Name=" + KilledWorker,
        });
        using var api = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerB)));
        var batchId = await api.SubmitAsync(File("X", KillSeed));

        var kills = 0;
        for (var done = 0L; kills < 5; kills++)
        {
            var before = done;
            done = await Eventually.GetAsync(() => RowsDoneAsync(batchId), d => d >= before + 150, BatchApi.Timeout, "progress between kills");
            if (done >= Rows - 200)
            {
                break;
            }

            await KillWorkerSessionsAsync();
        }

        await fixture.SetStubFaultsAsync();
        Assert.True(kills >= 3, $"only {kills} kills happened before the batch was nearly done");
        await AssertEveryRowDecidedOnceAsync(api, batchId);
        // The kills did interrupt the batch: its claim check was retried after a killed session.
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("R-RETRY") && l.Contains(nameof(Contracts.ProcessBatch)) && l.Contains("57P01"));
    }

    private static byte[] File(string prefix, int seed)
    {
        var file = new StringBuilder(BatchColumns.HeaderLine).Append('\n');
        for (var i = 0; i < Rows; i++)
        {
            // Row 1500 repeats row 10's id: it must stay a duplicate whichever worker decides it.
            var id = i == 1_500 ? $"{prefix}-00010" : $"{prefix}-{i:D5}";
            file.Append($"{id},,{TestData.PersonalNumber(seed + i)},1980-01-01,シカク タロウ,1,77,{i},00,\n");
        }

        return BatchApi.Utf8(file.ToString());
    }

    private async Task AssertEveryRowDecidedOnceAsync(BatchApi api, Guid batchId)
    {
        var status = await api.WaitCompletedAsync(batchId);
        Assert.Equal(Rows, status.GetProperty("rowsDone").GetInt32());
        Assert.Equal(Rows, await CountAsync("SELECT count(*) FROM batch_results WHERE batch_id = @id", batchId));
        Assert.Equal(Rows, await CountAsync("SELECT count(DISTINCT row_no) FROM batch_results WHERE batch_id = @id", batchId));
        Assert.Equal(Rows - 1, await CountAsync("SELECT count(*) FROM registrations WHERE batch_id = @id::text", batchId));
        Assert.Equal(Rows - 1, await CountAsync(
            "SELECT count(DISTINCT r.id) FROM batch_results br JOIN registrations r ON r.id = br.registration WHERE br.batch_id = @id", batchId));
        var lines = await api.ResultsAsync(batchId);
        Assert.Equal(Rows, lines.Count);
        Assert.Equal("Rejected", lines[1_500].Outcome);
        Assert.Contains("先の行と重複", lines[1_500].Messages);
        // Row 1500's number is a known one, but the row is the duplicate.
        Assert.Equal((Rows / 3) - 1, lines.Count(l => l is { Outcome: "Accepted", Codes: "JlisConfirmed" }));
        Assert.Equal(Rows - (Rows / 3), lines.Count(l => l is { Outcome: "Suspected", Codes: "JlisNotFound" }));
        var counts = status.GetProperty("counts");
        Assert.Equal(Rows, counts.GetProperty("accepted").GetInt32() + counts.GetProperty("rejected").GetInt32()
            + counts.GetProperty("suspected").GetInt32() + counts.GetProperty("pending").GetInt32());
    }

    /// <summary>Ends every session of the worker: its transaction in flight dies with it, as in a crash.</summary>
    private async Task KillWorkerSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", KilledWorker);
        await command.ExecuteScalarAsync();
    }

    private async Task<(long RowsDone, long Results)> CheckpointAndResultsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT rows_done, (SELECT count(*) FROM batch_results WHERE batch_id = @id) FROM batches WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private Task<long> RowsDoneAsync(Guid id) => CountAsync("SELECT rows_done::bigint FROM batches WHERE id = @id", id);

    private async Task<long> CountAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
