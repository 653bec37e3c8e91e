using System.Text.RegularExpressions;
using Npgsql;

namespace MiddleServerValidation.Persistence;

/// <summary>
/// Two database roles: the migration role owns the schema (tables, the append-only triggers) and runs
/// <c>msv migrate</c>; the services run as a runtime role that may read and write rows and nothing more. It cannot
/// drop or disable a trigger, alter a table, or change or delete a row of the append-only tables.
/// </summary>
public static partial class DatabaseRoles
{
    /// <summary>Tables whose rows are never changed or deleted (their triggers refuse it for the owner too).</summary>
    public static readonly IReadOnlyList<string> AppendOnly = ["audit_log", "case_events"];

    /// <summary>Grants <paramref name="runtimeRole"/> what the services need, on every table as the schema now stands.</summary>
    public static async Task GrantRuntimeAsync(NpgsqlConnection owner, string runtimeRole, CancellationToken cancellationToken)
    {
        if (!RoleName().IsMatch(runtimeRole))
        {
            throw new ArgumentException($"Not a role name the migration grants to: {runtimeRole}", nameof(runtimeRole));
        }

        var appendOnly = string.Join(", ", AppendOnly);
        await using var command = new NpgsqlCommand(
            $"""
            GRANT USAGE ON SCHEMA public TO {runtimeRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {runtimeRole};
            REVOKE UPDATE, DELETE, TRUNCATE ON {appendOnly} FROM {runtimeRole};
            REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {runtimeRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {runtimeRole};
            """, owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
