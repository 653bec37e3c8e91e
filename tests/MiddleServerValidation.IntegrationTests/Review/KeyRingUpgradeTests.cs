using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.DataProtection;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// A database whose key ring an earlier version stored unencrypted (a class of its own: plain keys are put into its
/// database): the migration removes those keys, and one an earlier instance still writes during a rolling upgrade is
/// not used — the web host makes a sealed key, and staff simply sign in again.
/// </summary>
public sealed class KeyRingUpgradeTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Purpose = "a purpose of the console";
    private const string BeforeSessions = "20261201000000_NoticeClaims";

    [Fact]
    public async Task A_key_an_earlier_version_stores_unencrypted_is_not_used_and_staff_sign_in_again()
    {
        var sealedBefore = EarlierVersionProtects("sealed by an instance of the earlier version");

        await fixture.AddStaffAsync("after.upgrade");
        var web = await fixture.StartWebAsync();

        var current = web.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.ThrowsAny<CryptographicException>(() => current.Unprotect(sealedBefore));
        using var client = await TestStaff.SignedInAsync(new Uri(web.Urls.First()), "after.upgrade");
        Assert.True(await client.OpensAsync("/Cases"));
    }

    [Fact]
    public async Task The_upgrade_removes_the_keys_stored_unencrypted()
    {
        await fixture.MigrateAsync(BeforeSessions);

        EarlierVersionProtects("sealed before the upgrade");
        Assert.NotEqual(0, await PlainKeysAsync());

        await fixture.MigrateAsync();

        Assert.Equal(0, await PlainKeysAsync());
    }

    // What the earlier version did: keys in the same table, master keys in the clear.
    private string EarlierVersionProtects(string text)
    {
        using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("MiddleServerValidation.Console");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(dataSource));
        using var earlierVersion = services.BuildServiceProvider();
        return earlierVersion.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(text);
    }

    private async Task<long> PlainKeysAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys WHERE xml LIKE '%<masterKey%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
