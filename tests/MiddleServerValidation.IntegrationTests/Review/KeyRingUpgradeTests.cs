using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.DataProtection;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// A database whose key ring an earlier version stored unencrypted (its own class: the plain key stays in this
/// database): the web host does not use those keys, makes an encrypted one, and staff simply sign in again.
/// </summary>
public sealed class KeyRingUpgradeTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Purpose = "a purpose of the console";

    [Fact]
    public async Task Keys_stored_unencrypted_before_are_not_used_and_staff_sign_in_again()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("MiddleServerValidation.Console");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(dataSource));
        await using var earlierVersion = services.BuildServiceProvider();
        var sealedBefore = earlierVersion.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("sealed before the upgrade");

        await fixture.AddStaffAsync("after.upgrade");
        var web = await fixture.StartWebAsync();

        var current = web.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.ThrowsAny<CryptographicException>(() => current.Unprotect(sealedBefore));
        using var client = await TestStaff.SignedInAsync(new Uri(web.Urls.First()), "after.upgrade");
        Assert.True(await client.OpensAsync("/Cases"));
    }
}
