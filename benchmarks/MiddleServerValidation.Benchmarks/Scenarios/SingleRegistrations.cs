using System.Diagnostics;
using System.Text.Json;
using MiddleServerValidation.Benchmarks.Workload;
using MiddleServerValidation.Contracts;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// (b)/(c) Single registrations end to end: published as plain JSON to the registrations queue, decided by the
/// worker, stored, and their notices published to the insurers' queues. Timed until the last notice is out.
/// </summary>
public static class SingleRegistrations
{
    /// <summary>The registrations as their insurers publish them: each with the insurer whose exchange it goes through.</summary>
    public static List<(string Insurer, byte[] Body)> Bodies(WorkloadGenerator rows, long count, string tag) =>
        Enumerable.Range(0, (int)count).Select(i =>
        {
            var r = rows.Row(i);
            return (r.InsurerNumber ?? Synthetic.SyntheticPopulation.Insurers[0], JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
            {
                ["registrationId"] = r.RegistrationId, ["insurerNumber"] = r.InsurerNumber, ["personalNumber"] = r.PersonalNumber,
                ["birthDate"] = r.BirthDate, ["kanaName"] = r.KanaName, ["sex"] = r.Sex, ["cardSymbol"] = r.CardSymbol,
                ["cardNumber"] = r.CardNumber, ["branchNumber"] = r.BranchNumber, ["qualificationDate"] = r.QualificationDate,
                ["batchId"] = tag,
            }));
        }).ToList();

    public static async Task<MessageFigures> RunAsync(
        BenchEnvironment environment, IReadOnlyList<(string Insurer, byte[] Body)> bodies, string tag, CancellationToken cancellationToken)
    {
        await using var data = NpgsqlDataSource.Create(environment.ConnectionString);
        await using var queue = await QueueDepth.ConnectAsync(environment, QueueNames.Registrations, cancellationToken);
        await using var errors = await QueueDepth.ConnectAsync(environment, QueueNames.Registrations + "_error", cancellationToken);
        var errorsBefore = await errors.ReadyOrNoneAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var publishing = MessagePublisher.PublishRegistrationsAsync(environment, bodies, cancellationToken);
        TimeSpan? decided = null;
        while (true)
        {
            await Task.Delay(100, cancellationToken);
            if (publishing.IsFaulted)
            {
                await publishing;
            }

            // A message the worker refused never gets decided: say so instead of waiting for it forever.
            if (await errors.ReadyOrNoneAsync(cancellationToken) > errorsBefore)
            {
                throw new InvalidOperationException("Registrations went to the error queue: the worker refused them (see its log).");
            }

            // Cheap checks first: counting the run's registrations costs the database enough to slow the run down.
            if (!publishing.IsCompleted || await queue.ReadyAsync(cancellationToken) > 0)
            {
                continue;
            }

            if (decided is null && await CountAsync(data, "SELECT count(*) FROM registrations WHERE batch_id = @tag", tag, cancellationToken) >= bodies.Count)
            {
                decided = clock.Elapsed;
            }

            if (decided is not null && await CountAsync(data, "SELECT count(*) FROM notices WHERE dispatched_at IS NULL", tag, cancellationToken) == 0)
            {
                break;
            }
        }

        return new MessageFigures(bodies.Count, clock.Elapsed, decided.Value);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource data, string sql, string tag, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue("tag", tag);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

public sealed record MessageFigures(long Messages, TimeSpan EndToEnd, TimeSpan Decided)
{
    public double PerSecond => Messages / EndToEnd.TotalSeconds;
}
