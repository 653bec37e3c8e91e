using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>The first schema. Hand-written: the EF design-time package is not used here.</summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE registrations (
                id                     uuid PRIMARY KEY,
                insurer_number         varchar(8)  NOT NULL,
                registration_id        varchar(64) NOT NULL,
                batch_id               varchar(64),
                personal_number_key    bytea,
                personal_number_cipher bytea,
                birth_date             date,
                kana_name              text,
                sex                    smallint,
                card_symbol            text,
                card_number            text,
                branch_number          text,
                qualification_date     date,
                submitted              jsonb,
                outcome                varchar(16) NOT NULL,
                reasons                jsonb       NOT NULL,
                resident_answer        jsonb,
                rule_set_version       varchar(32) NOT NULL,
                received_at            timestamptz NOT NULL,
                decided_at             timestamptz NOT NULL,
                CONSTRAINT ux_registrations_insurer_registration UNIQUE (insurer_number, registration_id)
            );

            -- The history every cross-check reads: accepted registrations by number key.
            CREATE INDEX ix_registrations_history ON registrations (personal_number_key)
                INCLUDE (birth_date, sex) WHERE outcome = 'Accepted';
            CREATE INDEX ix_registrations_batch ON registrations (batch_id) WHERE batch_id IS NOT NULL;

            CREATE TABLE findings (
                id                           uuid PRIMARY KEY,
                registration_id              uuid        NOT NULL REFERENCES registrations (id),
                insurer_number               varchar(8)  NOT NULL,
                code                         varchar(40) NOT NULL,
                rule_id                      varchar(64) NOT NULL,
                rule_set_version             varchar(32) NOT NULL,
                differences                  jsonb       NOT NULL,
                conflicting_registration_ids uuid[]      NOT NULL,
                status                       varchar(16) NOT NULL,
                created_at                   timestamptz NOT NULL
            );
            CREATE INDEX ix_findings_registration ON findings (registration_id);
            CREATE INDEX ix_findings_open ON findings (created_at) WHERE status = 'Open';

            CREATE TABLE notices (
                notice_id       uuid PRIMARY KEY,
                registration_id uuid        NOT NULL REFERENCES registrations (id),
                insurer_number  varchar(8)  NOT NULL,
                outcome         varchar(16) NOT NULL,
                payload         jsonb       NOT NULL,
                created_at      timestamptz NOT NULL,
                dispatched_at   timestamptz
            );
            CREATE INDEX ix_notices_registration ON notices (registration_id);
            CREATE INDEX ix_notices_undispatched ON notices (created_at) WHERE dispatched_at IS NULL;

            CREATE TABLE resident_lookups (
                registration_id uuid PRIMARY KEY REFERENCES registrations (id),
                status          varchar(16) NOT NULL,
                attempts        integer     NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                last_error      text,
                created_at      timestamptz NOT NULL,
                completed_at    timestamptz
            );
            CREATE INDEX ix_resident_lookups_due ON resident_lookups (next_attempt_at) WHERE status = 'Pending';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE resident_lookups, notices, findings, registrations;");
    }
}
