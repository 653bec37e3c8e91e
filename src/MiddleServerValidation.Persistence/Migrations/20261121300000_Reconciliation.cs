using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>Nightly reconciliation: run records with per-step progress, correction files, data-quality snapshots.</summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261121300000_Reconciliation")]
public sealed class Reconciliation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE reconciliation_runs (
                id               uuid PRIMARY KEY,
                run_date         date        NOT NULL,
                trigger          varchar(16) NOT NULL,
                rule_set_version varchar(32) NOT NULL,
                steps            text[]      NOT NULL,
                status           varchar(24) NOT NULL,
                started_at       timestamptz NOT NULL,
                finished_at      timestamptz,
                error            text,
                host             text
            );
            CREATE INDEX ix_reconciliation_runs_date ON reconciliation_runs (run_date, trigger);

            CREATE TABLE reconciliation_steps (
                run_id      uuid        NOT NULL REFERENCES reconciliation_runs (id),
                step        varchar(32) NOT NULL,
                status      varchar(16) NOT NULL,
                started_at  timestamptz NOT NULL,
                finished_at timestamptz,
                counts      jsonb       NOT NULL,
                checkpoint  bytea,
                warning     text,
                error       text,
                PRIMARY KEY (run_id, step)
            );

            CREATE TABLE correction_files (
                run_id         uuid       NOT NULL REFERENCES reconciliation_runs (id),
                insurer_number varchar(8) NOT NULL,
                file_name      text       NOT NULL,
                content        bytea      NOT NULL,
                row_count      integer    NOT NULL,
                created_at     timestamptz NOT NULL,
                PRIMARY KEY (run_id, insurer_number)
            );
            CREATE INDEX ix_correction_files_insurer ON correction_files (insurer_number, created_at);

            CREATE TABLE data_quality_snapshots (
                snapshot_date  date        NOT NULL,
                insurer_number varchar(8)  NOT NULL,
                kpi            varchar(40) NOT NULL,
                value          bigint      NOT NULL,
                run_id         uuid        NOT NULL REFERENCES reconciliation_runs (id),
                created_at     timestamptz NOT NULL,
                PRIMARY KEY (snapshot_date, insurer_number, kpi)
            );

            -- The re-check reads every number with a suspected registration; suspected ones are few.
            CREATE INDEX ix_registrations_suspected_key ON registrations (personal_number_key) WHERE outcome = 'Suspected';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_registrations_suspected_key;
            DROP TABLE data_quality_snapshots, correction_files, reconciliation_steps, reconciliation_runs;
            """);
    }
}
