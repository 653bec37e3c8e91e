namespace MiddleServerValidation.ServiceDefaults;

/// <summary>
/// TLS to the broker (section <c>RabbitMq:Tls</c>). The server's certificate is always verified, its name against
/// <see cref="ServerName"/>; a private certificate authority is trusted only when named here.
/// </summary>
public sealed class RabbitMqTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>The name the broker's certificate must carry; <c>RabbitMq:Host</c> when empty.</summary>
    public string? ServerName { get; set; }

    /// <summary>A PEM file of the authorities that sign the broker's certificate, trusted instead of the system's.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>A PKCS#12 file with this host's client certificate and key, when the broker requires mutual TLS.</summary>
    public string? ClientCertificate { get; set; }

    public string? ClientCertificatePassword { get; set; }
}
