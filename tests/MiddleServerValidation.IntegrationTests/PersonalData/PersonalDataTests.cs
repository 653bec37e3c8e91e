using System.Text;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.PersonalData;

/// <summary>Personal numbers never rest in plain text: not in any table, not in the logs.</summary>
public sealed class PersonalDataTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task No_plain_personal_number_is_stored_or_logged()
    {
        var rows = TestData.Example("prior.csv").Concat(TestData.Example("new.csv")).Select(TestData.FromExample).ToList();
        // An invalid number, a newborn J-LIS does not know, and an unaddressable record carry numbers too.
        rows.Add(TestData.Registration("INVALID-NUMBER", "123456789010", "H1.9.13", "シカク ハナコ"));
        rows.Add(TestData.Registration("UNKNOWN-TO-JLIS", "983205673214", "R5.1.1", "シカク ミライ"));
        rows.Add(TestData.Registration("UNADDRESSABLE", "621498320257", "H1.9.13", "シカク ハナコ") with { InsurerNumber = "0" });
        foreach (var row in rows)
        {
            await Probe.PublishRegistrationAsync(TestData.Json(row), asInsurer: row.InsurerNumber == "0" ? TestData.InsurerA : null);
        }

        await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 6, TimeSpan.FromSeconds(30));
        var errors = await Probe.WaitForAsync(QueueNames.Registrations + "_error", 1, TimeSpan.FromSeconds(30));
        var numbers = rows.Select(r => r.PersonalNumber!).Distinct().ToList();

        // The error queue keeps the unaddressable record sealed: its number is not there in plain text.
        Assert.Equal("UNADDRESSABLE", Assert.Single(errors).Headers["MSV-Registration-Id"]);
        Assert.All(numbers, number => Assert.DoesNotContain(number, Encoding.Latin1.GetString(errors[0].RawBody)));

        var database = await DumpDatabaseAsync();
        Assert.Contains("シカク", database); // the dump holds the data, so the search below means something
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number, database);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(number)).ToLowerInvariant(), database);
        }

        var logs = string.Join('\n', Fixture.Logs.Lines);
        Assert.NotEmpty(Fixture.Logs.Lines);
        Assert.All(numbers, number => Assert.DoesNotContain(number, logs));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("c2hvcnQ=", "malformed")]
    public async Task The_worker_does_not_start_without_a_well_formed_key(string? hmacKey, string expected)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Fixture.StartWorkerAsync(new Dictionary<string, string?> { ["PersonalData:HmacKey"] = hmacKey ?? "" }));

        Assert.Contains("PersonalData:HmacKey", failure.Message);
        Assert.Contains(expected, failure.Message);
        if (hmacKey is not null)
        {
            Assert.DoesNotContain(hmacKey, failure.Message);
        }
    }

    /// <summary>Every row of every table as text (bytea as hex), like a backup would hold it.</summary>
    private async Task<string> DumpDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var dump = new StringBuilder();
        foreach (var table in new[] { "registrations", "findings", "notices", "resident_lookups" })
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
