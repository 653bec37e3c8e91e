using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>
/// What <see cref="RabbitMqTlsOptions"/> means for a connection, the same for the hosts' bus and the command line's
/// clients: TLS 1.2 or 1.3, the server's name checked, its chain built on the configured authorities when there are.
/// </summary>
public sealed class BrokerTls
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    public const SslPolicyErrors AllPolicyErrors =
        SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable;

    private readonly X509Certificate2Collection? _authorities;

    private BrokerTls(string serverName, X509Certificate2Collection? authorities, X509Certificate2? clientCertificate) =>
        (ServerName, _authorities, ClientCertificate) = (serverName, authorities, clientCertificate);

    public string ServerName { get; }

    public X509Certificate2? ClientCertificate { get; }

    /// <summary>Null when the broker is reached without TLS (development on the loopback interface only).</summary>
    public static BrokerTls? From(RabbitMqOptions options)
    {
        var tls = options.Tls;
        if (!tls.Enabled)
        {
            return null;
        }

        X509Certificate2Collection? authorities = null;
        if (tls.CaCertificate is { Length: > 0 } caFile)
        {
            authorities = [];
            authorities.ImportFromPemFile(caFile);
        }

        var client = tls.ClientCertificate is { Length: > 0 } clientFile
            ? X509CertificateLoader.LoadPkcs12FromFile(clientFile, tls.ClientCertificatePassword)
            : null;
        return new BrokerTls(tls.ServerName is { Length: > 0 } name ? name : options.Host, authorities, client);
    }

    /// <summary>Null means the system's validation (its trusted roots); otherwise only the configured authorities.</summary>
    public RemoteCertificateValidationCallback? Validation => _authorities is null ? null : ValidateAgainstAuthorities;

    public RabbitMQ.Client.SslOption SslOption() => new()
    {
        Enabled = true, ServerName = ServerName, Version = Protocols, CertificateValidationCallback = Validation,
        AcceptablePolicyErrors = SslPolicyErrors.None,
        Certs = ClientCertificate is null ? null : [ClientCertificate],
    };

    private bool ValidateAgainstAuthorities(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // The name and the presence of a certificate are the platform's checks; only the chain is ours to build.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var ours = new X509Chain();
        ours.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        ours.ChainPolicy.CustomTrustStore.AddRange(_authorities!);
        ours.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            ours.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(element => element.Certificate).ToArray());
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return ours.Build(presented);
    }
}
