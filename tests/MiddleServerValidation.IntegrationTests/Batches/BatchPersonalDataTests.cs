using System.Text;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>A batch file's personal numbers never rest in plain text: not while staged, not in the results, not in the logs.</summary>
public sealed class BatchPersonalDataTests(BatchFixture fixture) : IClassFixture<BatchFixture>
{
    [Fact]
    public async Task No_plain_personal_number_is_staged_stored_or_logged()
    {
        string[] numbers = [TestData.PersonalNumber(31), TestData.PersonalNumber(32), "123456789010", "98320567321"];
        var file = BatchColumns.HeaderLine + "\n" + string.Join("\n", numbers.Select((n, i) => $"PD-{i},,{n},1980-01-01,シカク ハナコ,2,77,{i},00,"))
            // A row whose columns do not match the header: only its id is kept, never its number.
            + $"\nPD-X,,{TestData.PersonalNumber(33)},1980-01-01\n";
        using var api = new BatchApi(fixture.Client(await fixture.CreateApiKeyAsync(TestData.InsurerA)));

        // No worker yet: the rows wait as uploaded.
        var id = await api.SubmitAsync(BatchApi.Utf8(file));
        var staged = await DumpAsync("batch_rows", "batches");
        Assert.Contains("シカク", staged);
        AssertNoNumber(staged, [.. numbers, TestData.PersonalNumber(33)]);

        await fixture.EnsureWorkerAsync();
        await api.WaitCompletedAsync(id);
        var decided = await DumpAsync("batch_rows", "batches", "batch_results", "registrations", "findings", "notices", "resident_lookups");
        Assert.Contains("PD-3", decided);
        AssertNoNumber(decided, numbers);
        AssertNoNumber(string.Join('\n', fixture.Logs.Lines), numbers);
    }

    private static void AssertNoNumber(string text, IEnumerable<string> numbers)
    {
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number, text);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(number)).ToLowerInvariant(), text);
        }
    }

    private async Task<string> DumpAsync(params string[] tables)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.AppendLine(reader.GetString(0));
            }
        }

        return dump.ToString();
    }
}
