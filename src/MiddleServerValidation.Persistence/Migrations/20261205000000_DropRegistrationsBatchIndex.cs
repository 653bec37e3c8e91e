using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// <c>ix_registrations_batch</c> is read by no query (a batch's rows are found through <c>batch_results</c>, and a
/// registration by its id), yet every row of every batch file paid for it on insert: the batch path's largest cost is
/// <c>COPY registrations</c> with its indexes.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261205000000_DropRegistrationsBatchIndex")]
public sealed class DropRegistrationsBatchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX IF EXISTS ix_registrations_batch;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE INDEX ix_registrations_batch ON registrations (batch_id) WHERE batch_id IS NOT NULL;");
    }
}
