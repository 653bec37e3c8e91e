using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>The services' database role reads and writes rows, and nothing more: the append-only tables stay append-only for it.</summary>
public sealed class DatabaseRoleTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Theory]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")]
    [InlineData("DROP TRIGGER audit_log_append_only ON audit_log")]
    [InlineData("DROP TRIGGER case_events_append_only ON case_events")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("UPDATE audit_log SET actor = 'x'")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("TRUNCATE registrations")]
    [InlineData("ALTER TABLE registrations ADD COLUMN anything int")]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\"")]
    public async Task The_runtime_role_cannot_change_the_schema_or_the_append_only_rows(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains(refused.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, "42501" });
    }

    [Fact]
    public async Task The_runtime_role_adds_to_the_audit_log_and_writes_the_services_tables()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_log (occurred_at, actor, action, details) VALUES (now(), 'role-test', 'ViewCase', 'x'); " +
            "UPDATE notices SET dispatched_at = dispatched_at WHERE false; DELETE FROM batch_rows WHERE false;", connection);

        await command.ExecuteNonQueryAsync();
    }
}
