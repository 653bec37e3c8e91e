using System.Globalization;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client.Exceptions;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>A broker node of the class's own with a TLS listener whose certificate a private authority signed.</summary>
public sealed class TlsBrokerFixture : ServiceFixture
{
    public PrivateRabbitMq Node { get; private set; } = null!;
    public int TlsPort { get; } = PrivateRabbitMq.FreePort();
    public string Authority { get; private set; } = "";
    public string OtherAuthority { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        Node = await PrivateRabbitMq.StartAsync(directory =>
        {
            using var authority = TestCertificates.Authority("MSV test broker CA");
            using var other = TestCertificates.Authority("Someone else's CA");
            using var server = TestCertificates.Server(authority, "localhost");
            Authority = Write(directory, "ca.pem", authority.ExportCertificatePem());
            OtherAuthority = Write(directory, "other-ca.pem", other.ExportCertificatePem());
            var certificate = Write(directory, "server.pem", server.ExportCertificatePem());
            var key = Write(directory, "server.key", server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(directory, "extra.conf"), $"""
                listeners.ssl.default = 127.0.0.1:{TlsPort.ToString(CultureInfo.InvariantCulture)}
                ssl_options.cacertfile = {Authority}
                ssl_options.certfile = {certificate}
                ssl_options.keyfile = {key}
                ssl_options.versions.1 = tlsv1.3
                ssl_options.versions.2 = tlsv1.2

                """);
        });
        await base.InitializeAsync();
        UseBroker(Node.Endpoint);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Node.DisposeAsync();
    }

    /// <summary>The service's settings for TLS to this node, trusting <paramref name="authority"/>.</summary>
    public Dictionary<string, string?> Tls(string? authority, string serverName = "localhost") => new()
    {
        ["RabbitMq:Port"] = TlsPort.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:Tls:Enabled"] = "true",
        ["RabbitMq:Tls:ServerName"] = serverName,
        ["RabbitMq:Tls:CaCertificate"] = authority,
    };

    private static string Write(string directory, string name, string pem)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, pem);
        return path;
    }
}

/// <summary>
/// RabbitMq:Tls: the worker's bus runs over TLS to a broker whose certificate a private authority signed, and a
/// connection to a broker whose certificate does not verify (another authority, another name, the system's roots) is
/// refused before a password is sent.
/// </summary>
public sealed class BrokerTlsTests(TlsBrokerFixture fixture) : IClassFixture<TlsBrokerFixture>
{
    [Fact]
    public async Task The_worker_takes_registrations_and_sends_notices_over_tls()
    {
        var worker = await fixture.StartWorkerAsync(fixture.Tls(fixture.Authority));

        var decided = await worker.Services.GetRequiredService<DecisionStep>().DecideAsync(
            [TestData.Registration("TLS-1", TestData.PersonalNumber(9_701), "H1.9.13", "シカク ハナコ")], CancellationToken.None);

        // Read on the node's plain listener: the notice got there through the worker's TLS connection.
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var notice = await probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "TLS-1", TimeSpan.FromSeconds(60));
        Assert.Equal(decided[0].NoticeId.ToString(), notice.MessageId);
        await fixture.StopAsync(worker);
    }

    [Theory]
    [InlineData("other authority")]
    [InlineData("system roots")]
    public async Task A_worker_that_cannot_verify_the_broker_never_gets_ready(string trusting)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // The host starts (its bus keeps trying in the background) but never gets ready; the bus's last failure says
        // why (the certificate, not the network).
        var failed = await Assert.ThrowsAnyAsync<Exception>(
            () => fixture.StartWorkerAsync(fixture.Tls(trusting == "other authority" ? fixture.OtherAuthority : null), cancellationToken: patience.Token));

        Assert.IsType<AuthenticationException>(Innermost(failed, typeof(AuthenticationException)));
    }

    [Theory]
    [InlineData("other authority", "localhost")]
    [InlineData("system roots", "localhost")]
    [InlineData("right authority", "broker.example")]
    public async Task A_broker_whose_certificate_does_not_verify_is_refused(string trusting, string serverName)
    {
        var authority = trusting switch
        {
            "other authority" => fixture.OtherAuthority,
            "right authority" => fixture.Authority,
            _ => null,
        };
        var options = Options(fixture.Tls(authority, serverName));

        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => options.ConnectionFactory("tls test").CreateConnectionAsync());

        Assert.IsType<AuthenticationException>(Innermost(refused, typeof(AuthenticationException)));
    }

    [Fact]
    public async Task The_right_authority_and_name_connect()
    {
        var options = Options(fixture.Tls(fixture.Authority));

        await using var connection = await options.ConnectionFactory("tls test").CreateConnectionAsync();

        Assert.True(connection.IsOpen);
    }

    private RabbitMqOptions Options(Dictionary<string, string?> tls) => new()
    {
        Host = "127.0.0.1", Port = int.Parse(tls["RabbitMq:Port"]!, CultureInfo.InvariantCulture),
        Username = fixture.RabbitMq.Username, Password = fixture.RabbitMq.Password,
        Tls = new RabbitMqTlsOptions { Enabled = true, ServerName = tls["RabbitMq:Tls:ServerName"], CaCertificate = tls["RabbitMq:Tls:CaCertificate"] },
    };

    private static Exception? Innermost(Exception exception, Type type)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (type.IsInstanceOfType(current))
            {
                return current;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(inner => Innermost(inner, type)).FirstOrDefault(e => e is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}

/// <summary>Certificates made for a test: an authority and a server certificate it signs (RSA 2048; the server's expires a day before its authority's).</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
    }

    public static X509Certificate2 Server(X509Certificate2 authority, string dnsName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var signed = request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1),
            RandomNumberGenerator.GetBytes(12));
        return signed.CopyWithPrivateKey(key);
    }
}
