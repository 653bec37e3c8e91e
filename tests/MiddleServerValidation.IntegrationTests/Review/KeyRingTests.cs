using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.DataProtection;
using MiddleServerValidation.Web;
using MiddleServerValidation.Web.Review;
using MiddleServerValidation.Web.Review.KeyRing;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// The data-protection key ring (which seals sign-in cookies and anti-forgery tokens) is stored encrypted with a key
/// from configuration: a copy of the database does not give the keys, and keys stored unencrypted are not used.
/// </summary>
public sealed class KeyRingTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string ApplicationName = "MiddleServerValidation.Console";

    [Fact]
    public async Task The_stored_key_ring_holds_no_plain_key_and_a_copy_of_it_opens_no_cookie()
    {
        await fixture.AddStaffAsync("ring.holder");
        var web = await fixture.StartWebAsync();
        using var client = await TestStaff.SignedInAsync(new Uri(web.Urls.First()), "ring.holder");
        var cookie = client.SignInCookie!;

        var stored = await CopyOfKeyRingAsync();

        Assert.NotEmpty(stored);
        Assert.All(stored, key => Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey"));
        Assert.Null(CookieFormat(stored).Unprotect(cookie));
        Assert.Null(CookieFormat(stored, WithKeyRingKey(RandomNumberGenerator.GetBytes(32))).Unprotect(cookie));

        // With the configured key the same copy opens the cookie: what kept it shut was the key, not a broken copy.
        var configured = Convert.FromBase64String(fixture.Settings["Console:KeyRingKey"]!);
        Assert.NotNull(CookieFormat(stored, WithKeyRingKey(configured)).Unprotect(cookie));
        var cipher = Cipher(configured);
        foreach (var key in stored)
        {
            var masterKey = cipher.Decrypt(key.Descendants(KeyRingCipher.ElementName).Single()).Element("value")!.Value;
            Assert.True(masterKey.Length >= 32);
            Assert.DoesNotContain(masterKey, key.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Console:KeyRingKey", null)]
    [InlineData("Console:KeyRingKey", "bm90IGEga2V5")]
    [InlineData("Console:KeyRingKey", "not base64 at all!")]
    [InlineData("Console:AuditNameKey", null)]
    [InlineData("Console:AuditNameKey", "c2hvcnQ=")]
    public async Task The_web_host_refuses_to_start_without_well_formed_console_keys(string setting, string? value)
    {
        WebApplication? web = null;
        try
        {
            // Refused while the host is built or when it starts, whichever first needs the key.
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            {
                web = WebApp.Build([], builder => fixture.Configure(builder, new Dictionary<string, string?> { [setting] = value }));
                await web.StartAsync();
            });

            Assert.Contains(setting, refused.Message);
            foreach (var secret in new[] { value, fixture.Settings["Console:KeyRingKey"], fixture.Settings["Console:AuditNameKey"] }.OfType<string>())
            {
                Assert.DoesNotContain(secret, refused.Message);
            }
        }
        finally
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }
        }
    }

    /// <summary>The rows of <c>data_protection_keys</c>, as a copy of the database has them.</summary>
    private async Task<List<XElement>> CopyOfKeyRingAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        return [.. new DatabaseXmlRepository(dataSource).GetAllElements()];
    }

    private static KeyRingCipher Cipher(byte[] key) =>
        new(Options.Create(new ConsoleKeys { KeyRingKey = Convert.ToBase64String(key) }));

    private static Action<IServiceCollection> WithKeyRingKey(byte[] key) => services => services.AddSingleton(Cipher(key));

    /// <summary>The cookie scheme's ticket format on a copy of the stored keys (keys it makes stay in the copy).</summary>
    private static TicketDataFormat CookieFormat(IEnumerable<XElement> stored, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new CopiedKeyRing([.. stored]));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        return new TicketDataFormat(provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Cookies", "v2"));
    }

    private sealed class CopiedKeyRing(List<XElement> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keys;

        public void StoreElement(XElement element, string friendlyName) => keys.Add(element);
    }
}
