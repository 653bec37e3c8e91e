using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiddleServerValidation.Persistence.Migrations;

/// <summary>
/// Registrations and staged batch rows may carry 漢字氏名 and 住所, the two facts J-LIS compares beyond kana, birthdate
/// and sex. Both are personal data and are stored only as ciphertext under the personal-data key ring, bound to their
/// record and field.
/// </summary>
[DbContext(typeof(ValidationDbContext))]
[Migration("20261203000000_IdentityFacts")]
public sealed class IdentityFacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE registrations ADD COLUMN kanji_name_cipher bytea, ADD COLUMN address_cipher bytea;
            ALTER TABLE batch_rows ADD COLUMN kanji_name_cipher bytea, ADD COLUMN address_cipher bytea;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE registrations DROP COLUMN kanji_name_cipher, DROP COLUMN address_cipher;
            ALTER TABLE batch_rows DROP COLUMN kanji_name_cipher, DROP COLUMN address_cipher;
            """);
    }
}
