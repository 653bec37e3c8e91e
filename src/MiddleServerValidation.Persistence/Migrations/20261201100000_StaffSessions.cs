using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// Console sessions as records: the sign-in cookie carries only a random token, and a session is good only while
/// its row says so — sign-out, disabling the account, a role change and the absolute lifetime end it. Also an index
/// for counting the failed sign-ins one address has added to the audit log lately (it may add only so many), and
/// away with the data-protection keys stored with their master key in the clear: the console no longer reads them
/// (it seals new keys with <c>Console:KeyRingKey</c>), and left in place they would open any cookie sealed before.
/// Down cannot bring them back.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261201100000_StaffSessions")]
public sealed class StaffSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            -- token_hash is the SHA-256 of the cookie's token: the table alone opens no session.
            CREATE TABLE staff_sessions (
                id             uuid PRIMARY KEY,
                token_hash     bytea        NOT NULL,
                user_name      varchar(200) NOT NULL,
                display_name   text         NOT NULL,
                role           varchar(16)  NOT NULL CHECK (role IN ('Reviewer', 'Supervisor')),
                method         varchar(8)   NOT NULL CHECK (method IN ('local', 'oidc')),
                created_at     timestamptz  NOT NULL,
                expires_at     timestamptz  NOT NULL,
                last_seen_at   timestamptz  NOT NULL,
                revoked_at     timestamptz,
                revoked_reason varchar(32),
                CONSTRAINT ux_staff_sessions_token UNIQUE (token_hash),
                CONSTRAINT ck_staff_sessions_revoked CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
            );
            -- Ending every open session of one user: sign-out by an operator, disabling, a role change.
            CREATE INDEX ix_staff_sessions_open ON staff_sessions (user_name) WHERE revoked_at IS NULL;

            CREATE INDEX ix_audit_log_sign_in_failures ON audit_log (client_address, occurred_at)
                WHERE action IN ('SignInFailed', 'SignInThrottled');

            -- A sealed key holds base64 where the master key was: no '<masterKey' in it.
            DELETE FROM data_protection_keys WHERE xml LIKE '%<masterKey%';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_audit_log_sign_in_failures;
            DROP TABLE staff_sessions;
            """);
    }
}
