using System.Text;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.IdentityFacts;

/// <summary>No personal value appears in a stored row, an outbox payload or a log line, neither as text nor as hex inside bytea.</summary>
internal static class NothingInTheClear
{
    public static readonly string[] DecisionTables = ["registrations", "findings", "notices"];

    public static async Task AssertAsync(ServiceFixture fixture, IEnumerable<string> tables, params string[] values)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t", connection);
            var text = (string)(await command.ExecuteScalarAsync())!;
            foreach (var value in values)
            {
                Assert.DoesNotContain(value, text);
                Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)), text);
            }
        }

        var logs = string.Join('\n', fixture.Logs.Lines);
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, logs);
        }
    }
}
