using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// Batch files (uploaded rows, checkpoint, per-row results) and the insurers' API keys; and the history index
/// made covering, so that the history of a chunk is read from the index alone.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261121100000_Batches")]
public sealed class Batches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            -- Every chunk reads the history of its numbers (twice: before asking J-LIS and under the locks). With
            -- the columns the rules read in the index, that is an index-only scan instead of a heap page per row.
            DROP INDEX ix_registrations_history;
            CREATE INDEX ix_registrations_history ON registrations (personal_number_key)
                INCLUDE (birth_date, sex, id, insurer_number, kana_name, decided_at) WHERE outcome = 'Accepted';

            CREATE TABLE insurer_api_keys (
                key_id         varchar(32) PRIMARY KEY,
                insurer_number varchar(8)  NOT NULL,
                secret_hash    bytea       NOT NULL,
                label          text,
                created_at     timestamptz NOT NULL,
                revoked_at     timestamptz
            );
            CREATE INDEX ix_insurer_api_keys_insurer ON insurer_api_keys (insurer_number);

            CREATE TABLE batches (
                id             uuid PRIMARY KEY,
                insurer_number varchar(8)  NOT NULL,
                file_name      text,
                encoding       varchar(16) NOT NULL,
                status         varchar(16) NOT NULL,
                total_rows     integer     NOT NULL,
                rows_done      integer     NOT NULL DEFAULT 0,
                accepted       integer     NOT NULL DEFAULT 0,
                rejected       integer     NOT NULL DEFAULT 0,
                suspected      integer     NOT NULL DEFAULT 0,
                pending        integer     NOT NULL DEFAULT 0,
                lease_owner    uuid,
                lease_until    timestamptz,
                created_at     timestamptz NOT NULL,
                started_at     timestamptz,
                completed_at   timestamptz,
                updated_at     timestamptz NOT NULL
            );
            CREATE INDEX ix_batches_insurer ON batches (insurer_number, created_at);
            CREATE INDEX ix_batches_unfinished ON batches (updated_at) WHERE status <> 'Completed';

            -- The rows as uploaded, in file order, until the batch is decided. The personal number only encrypted.
            CREATE TABLE batch_rows (
                batch_id               uuid    NOT NULL,
                row_no                 integer NOT NULL,
                line_no                integer NOT NULL,
                registration_id        text,
                insurer_number         text,
                personal_number_cipher bytea,
                birth_date             text,
                kana_name              text,
                sex                    text,
                card_symbol            text,
                card_number            text,
                branch_number          text,
                qualification_date     text,
                problem                text,
                PRIMARY KEY (batch_id, row_no)
            );

            -- One line of the results file per row. A decided row points at its registration (whose outcome
            -- may still change from Pending); a row never stored carries its outcome and reasons itself.
            -- No foreign key: it would cost an index probe per row, and registrations are never deleted.
            CREATE TABLE batch_results (
                batch_id        uuid        NOT NULL,
                row_no          integer     NOT NULL,
                registration_id text,
                registration    uuid,
                outcome         varchar(16) NOT NULL,
                reasons         jsonb,
                PRIMARY KEY (batch_id, row_no)
            );
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE batch_results, batch_rows, batches, insurer_api_keys;
            DROP INDEX ix_registrations_history;
            CREATE INDEX ix_registrations_history ON registrations (personal_number_key)
                INCLUDE (birth_date, sex) WHERE outcome = 'Accepted';
            """);
    }
}
