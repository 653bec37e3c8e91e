using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// The review console: staff accounts and their sign-in attempts, case events and assignments, suppressions of
/// dismissed findings, the audit log, and the data-protection keys the console's cookies and forms are sealed with.
/// <c>findings.status</c> stays the one source of truth for Open / Confirmed / Dismissed.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261121200000_ReviewConsole")]
public sealed class ReviewConsole : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE staff_accounts (
                id            uuid PRIMARY KEY,
                user_name     varchar(64)  NOT NULL,
                display_name  varchar(100) NOT NULL,
                role          varchar(16)  NOT NULL CHECK (role IN ('Reviewer', 'Supervisor')),
                password_hash text         NOT NULL,
                created_at    timestamptz  NOT NULL,
                disabled_at   timestamptz,
                CONSTRAINT ux_staff_accounts_user_name UNIQUE (user_name)
            );

            -- Every sign-in attempt, known user name or not: the throttle counts the failures.
            CREATE TABLE sign_in_attempts (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_name      varchar(64) NOT NULL,
                client_address varchar(64),
                result         varchar(16) NOT NULL,
                attempted_at   timestamptz NOT NULL
            );
            CREATE INDEX ix_sign_in_attempts_user ON sign_in_attempts (user_name, attempted_at);
            CREATE INDEX ix_sign_in_attempts_client ON sign_in_attempts (client_address, attempted_at);

            -- The queue filters by status with insurer or code, newest or oldest first.
            CREATE INDEX ix_findings_status_created ON findings (status, created_at, id);
            CREATE INDEX ix_findings_insurer_status ON findings (insurer_number, status, created_at);
            CREATE INDEX ix_findings_code_status ON findings (code, status, created_at);

            CREATE TABLE case_assignments (
                finding_id  uuid PRIMARY KEY REFERENCES findings (id),
                assignee    varchar(200) NOT NULL,
                assigned_at timestamptz  NOT NULL
            );
            CREATE INDEX ix_case_assignments_assignee ON case_assignments (assignee);

            -- The case history: one row per decision, append-only.
            CREATE TABLE case_events (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                finding_id      uuid         NOT NULL REFERENCES findings (id),
                kind            varchar(32)  NOT NULL,
                actor           varchar(200) NOT NULL,
                occurred_at     timestamptz  NOT NULL,
                status_before   varchar(16)  NOT NULL,
                status_after    varchar(16)  NOT NULL,
                reason_category varchar(40),
                note            text,
                notice_id       uuid
            );
            CREATE INDEX ix_case_events_finding ON case_events (finding_id, id);

            -- A dismissed finding (理由付き疑いなし) suppresses its code for each pair of records it named,
            -- in either order, until the case is reopened. other_registration_id is null for J-LIS findings.
            CREATE TABLE finding_suppressions (
                id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                code                  varchar(40)  NOT NULL,
                registration_id       uuid         NOT NULL REFERENCES registrations (id),
                other_registration_id uuid         REFERENCES registrations (id),
                finding_id            uuid         NOT NULL REFERENCES findings (id),
                reason_category       varchar(40)  NOT NULL,
                reason                text         NOT NULL,
                created_by            varchar(200) NOT NULL,
                created_at            timestamptz  NOT NULL,
                lifted_at             timestamptz,
                lifted_by             varchar(200)
            );
            CREATE UNIQUE INDEX ux_finding_suppressions_active
                ON finding_suppressions (code, registration_id, other_registration_id) NULLS NOT DISTINCT
                WHERE lifted_at IS NULL;
            CREATE INDEX ix_finding_suppressions_other ON finding_suppressions (other_registration_id) WHERE lifted_at IS NULL;
            CREATE INDEX ix_finding_suppressions_finding ON finding_suppressions (finding_id);

            -- Who did what, when: case views, unmasking, decisions, sign-ins, exports. Never a plain personal number.
            CREATE TABLE audit_log (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                occurred_at    timestamptz  NOT NULL,
                actor          varchar(200) NOT NULL,
                actor_role     varchar(16),
                action         varchar(32)  NOT NULL,
                finding_id     uuid,
                details        text         NOT NULL,
                client_address varchar(64)
            );
            CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at, id);
            CREATE INDEX ix_audit_log_finding ON audit_log (finding_id, occurred_at) WHERE finding_id IS NOT NULL;
            CREATE INDEX ix_audit_log_actor ON audit_log (actor, occurred_at);

            -- The audit trail and the case history are evidence: rows are added, never changed or removed.
            -- Per statement, so that an UPDATE, DELETE or TRUNCATE is refused even when it would touch no row.
            CREATE FUNCTION msv_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
            END;
            $$;
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION msv_refuse_change();
            CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON case_events
                FOR EACH STATEMENT EXECUTE FUNCTION msv_refuse_change();

            -- ASP.NET Core data-protection keys, shared by every web instance (cookies, anti-forgery tokens).
            CREATE TABLE data_protection_keys (
                id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                friendly_name text,
                xml           text        NOT NULL,
                created_at    timestamptz NOT NULL
            );
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE data_protection_keys, audit_log, finding_suppressions, case_events, case_assignments,
                sign_in_attempts, staff_accounts;
            DROP FUNCTION msv_refuse_change();
            DROP INDEX ix_findings_status_created, ix_findings_insurer_status, ix_findings_code_status;
            """);
    }
}
