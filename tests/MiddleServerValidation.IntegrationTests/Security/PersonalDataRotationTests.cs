using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>
/// Personal-data keys rotate: a new key is added to the ring and made active, `msv personal-data rotate` rewrites the
/// stored numbers under it, and the old key can go. A ciphertext moved to another record does not open.
/// </summary>
public sealed class PersonalDataRotationTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Stored_numbers_are_rewritten_under_the_new_key_and_read_without_the_old_one()
    {
        var oldKey = fixture.Settings["PersonalData:EncryptionKey"]!;
        var worker = await fixture.EnsureWorkerAsync();
        await worker.Services.GetRequiredService<DecisionStep>().DecideAsync(
        [
            TestData.Registration("ROTATE-1", TestData.PersonalNumber(9_800), "H1.9.13", "シカク ハナコ") with
            {
                KanjiName = "四角 花子", Address = "東京都世田谷区三軒茶屋一丁目27番5号",
            },
            TestData.Registration("ROTATE-2", TestData.PersonalNumber(9_801), "H1.9.13", "シカク ハナコ") with { PersonalNumber = "123" },
        ], CancellationToken.None);

        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        fixture.Settings.Remove("PersonalData:EncryptionKey");
        fixture.Settings["PersonalData:EncryptionKeys:1"] = oldKey;
        fixture.Settings["PersonalData:EncryptionKeys:2"] = newKey;
        fixture.Settings["PersonalData:ActiveEncryptionKeyId"] = "2";
        var rotated = await CliProcess.RunAsync(fixture, "personal-data", "rotate");

        Assert.True(rotated.ExitCode == 0, rotated.Output);
        // Two numbers, and ROTATE-1's kanji name and address.
        Assert.Contains("書き換え 4 件", rotated.Output);
        using var newOnly = new PersonalNumberProtector(Options.Create(new PersonalDataOptions
        {
            HmacKey = fixture.Settings["PersonalData:HmacKey"], EncryptionKeys = new() { ["2"] = newKey },
        }));
        await using var db = fixture.CreateDbContext();
        var stored = await db.Registrations.AsNoTracking().Where(r => r.RegistrationId.StartsWith("ROTATE-")).OrderBy(r => r.RegistrationId).ToListAsync();
        Assert.All(stored, r => Assert.True(newOnly.IsCurrent(r.PersonalNumberCipher!)));
        Assert.Equal([TestData.PersonalNumber(9_800), "123"],
            stored.Select(r => newOnly.Decrypt(r.PersonalNumberCipher!, PersonalDataBinding.Registration(r.InsurerNumber, r.RegistrationId))));

        Assert.Equal(["四角 花子", "東京都世田谷区三軒茶屋一丁目27番5号"],
        [
            newOnly.Decrypt(stored[0].KanjiNameCipher!, PersonalDataBinding.RegistrationField(stored[0].InsurerNumber, "ROTATE-1", FactFields.KanjiName)),
            newOnly.Decrypt(stored[0].AddressCipher!, PersonalDataBinding.RegistrationField(stored[0].InsurerNumber, "ROTATE-1", FactFields.Address)),
        ]);

        var again = await CliProcess.RunAsync(fixture, "personal-data", "rotate");
        Assert.Contains("書き換え 0 件", again.Output);
        Assert.Contains("既に有効な鍵 4 件", again.Output);

        // Moved to another record, a ciphertext does not open.
        Assert.ThrowsAny<CryptographicException>(() =>
            newOnly.Decrypt(stored[0].PersonalNumberCipher!, PersonalDataBinding.Registration(stored[1].InsurerNumber, stored[1].RegistrationId)));
    }
}
