using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// Numbers J-LIS's search found for registrations sent without one: the insurer obtains each once, with its API key.
/// A number at rest as everywhere: the HMAC lookup key and ciphertext bound to the record and field.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261204000000_FoundNumbers")]
public sealed class FoundNumbers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE found_numbers (
                registration_id uuid        PRIMARY KEY REFERENCES registrations (id),
                insurer_number  varchar(8)  NOT NULL,
                record_id       varchar(64) NOT NULL,
                number_key      bytea       NOT NULL,
                number_cipher   bytea       NOT NULL,
                found_at        timestamptz NOT NULL,
                retrieved_at    timestamptz,
                retrieved_by    varchar(64)
            );
            CREATE INDEX ix_found_numbers_record ON found_numbers (insurer_number, record_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE found_numbers;");
    }
}
