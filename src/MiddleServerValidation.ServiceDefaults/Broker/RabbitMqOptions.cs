using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>The broker connection (section <c>RabbitMq</c>, e.g. env <c>RabbitMq__Host</c>).</summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    /// <summary>What the unacknowledged messages of one endpoint may hold in memory at most: prefetch × largest message.</summary>
    public const long InFlightBudgetBytes = 256L * 1024 * 1024;

    public const string Section = "RabbitMq";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string? Username { get; set; }

    [Required]
    public string? Password { get; set; }

    /// <summary>Quorum queues survive a node loss in a cluster; classic queues are for single-node development.</summary>
    public bool QuorumQueues { get; set; } = true;

    [Range(1, 65535)]
    public ushort PrefetchCount { get; set; } = 1000;

    /// <summary>
    /// The largest registration message the worker takes (checked before it is deserialised); larger ones go to the error
    /// queue. Set the broker's <c>max_message_size</c> at or a little above it, so larger ones are refused at publish.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public RabbitMqTlsOptions Tls { get; set; } = new();

    /// <summary>A RabbitMQ.Client connection as the hosts' bus makes it (the command line's own clients).</summary>
    public RabbitMQ.Client.ConnectionFactory ConnectionFactory(string clientName) => new()
    {
        HostName = Host, Port = Port, VirtualHost = VirtualHost, UserName = Username ?? string.Empty, Password = Password ?? string.Empty,
        ClientProvidedName = clientName, Ssl = BrokerTls.From(this)?.SslOption() ?? new RabbitMQ.Client.SslOption(),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((long)PrefetchCount * MaxMessageBytes > InFlightBudgetBytes)
        {
            yield return new ValidationResult(
                $"RabbitMq:PrefetchCount ({PrefetchCount}) × RabbitMq:MaxMessageBytes ({MaxMessageBytes}) may hold more than " +
                $"{InFlightBudgetBytes / (1024 * 1024)} MiB of messages in memory; lower one of them.",
                [nameof(PrefetchCount), nameof(MaxMessageBytes)]);
        }

        foreach (var (name, file) in new[] { ("CaCertificate", Tls.CaCertificate), ("ClientCertificate", Tls.ClientCertificate) })
        {
            if (Tls.Enabled && file is { Length: > 0 } && !File.Exists(file))
            {
                yield return new ValidationResult($"RabbitMq:Tls:{name} ({file}) does not exist.", [nameof(Tls)]);
            }
        }
    }
}
