using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// Notices are claimed for a lease instead of being row-locked for the length of a publish: a dispatcher whose
/// broker send never returns no longer holds its rows, and any dispatcher takes them once the lease runs out.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261201000000_NoticeClaims")]
public sealed class NoticeClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE notices ADD COLUMN claimed_until timestamptz, ADD COLUMN claimed_by uuid;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE notices DROP COLUMN claimed_until, DROP COLUMN claimed_by;");
    }
}
