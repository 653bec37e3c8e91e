using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// A notice may answer a message that is not stored: a registration refused because it names another insurer than
/// the one the broker authenticated. Such a notice belongs to no registration.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261201200000_RefusalNotices")]
public sealed class RefusalNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE notices ALTER COLUMN registration_id DROP NOT NULL;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DELETE FROM notices WHERE registration_id IS NULL; ALTER TABLE notices ALTER COLUMN registration_id SET NOT NULL;");
    }
}
