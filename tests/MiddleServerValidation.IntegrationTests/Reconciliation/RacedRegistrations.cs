using System.Text.Json;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>
/// Stores Accepted registrations the way the registration path does (HMAC key, AES-GCM ciphertext, normalised kana,
/// the J-LIS answer they were decided with) but without its per-number locks: what two workers that raced each
/// other, each seeing no history, would have left behind. Single checks cannot see such a pair afterwards.
/// </summary>
public sealed class RacedRegistrations(NpgsqlDataSource dataSource, PersonalNumberProtector protector)
{
    /// <summary>The first registration is decided one second after this, each next one a second later.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
    private int _sequence;

    public async Task<Guid> AcceptedAsync(
        string insurer, string registrationId, string personalNumber, string birthDate, string kanaName, short? sex = null, string? cardNumber = "5501",
        DateTimeOffset? decidedAt = null)
    {
        var id = Guid.CreateVersion7();
        decidedAt ??= Start.AddSeconds(Interlocked.Increment(ref _sequence));
        var name = KanaName.Parse(kanaName).Value.Normalized;
        await using var command = dataSource.CreateCommand(
            "INSERT INTO registrations (id, insurer_number, registration_id, personal_number_key, personal_number_cipher, birth_date, kana_name, " +
            "sex, card_symbol, card_number, branch_number, outcome, reasons, resident_answer, rule_set_version, received_at, decided_at) " +
            "VALUES (@id, @insurer, @rid, @key, @cipher, @birth, @name, @sex, '77', @card, '00', 'Accepted', @reasons::jsonb, @answer::jsonb, " +
            "'2026.11.1', @at, @at)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("insurer", insurer);
        command.Parameters.AddWithValue("rid", registrationId);
        command.Parameters.AddWithValue("key", protector.LookupKey(personalNumber));
        command.Parameters.AddWithValue("cipher", protector.Encrypt(personalNumber, PersonalDataBinding.Registration(insurer, registrationId)));
        command.Parameters.AddWithValue("birth", DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("sex", NpgsqlTypes.NpgsqlDbType.Smallint, (object?)sex ?? DBNull.Value);
        command.Parameters.AddWithValue("card", NpgsqlTypes.NpgsqlDbType.Text, (object?)cardNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("reasons", """[{"code":"JlisConfirmed","field":null,"message":"住民基本台帳（J-LIS）の本人確認情報と一致しました。"}]""");
        command.Parameters.AddWithValue("answer", JsonSerializer.Serialize(new { status = "Found", kanaName = name, birthDate, sex = sex?.ToString() }));
        command.Parameters.AddWithValue("at", decidedAt.Value);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
