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

    /// <summary>
    /// The nodes of a RabbitMQ cluster, comma-separated <c>host:port</c> (or <c>host</c>, on <see cref="Port"/>), e.g.
    /// <c>rabbitmq-0:5671,rabbitmq-1:5671,rabbitmq-2:5671</c>. The hosts connect to the first that answers, in this order,
    /// and move on to the next when their node goes down. Empty: <see cref="Host"/> and <see cref="Port"/> alone.
    /// </summary>
    public string? ClusterNodes { get; set; }

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

    /// <summary>
    /// A consuming host whose bus has not consumed for this long while the broker and the database both answer is
    /// stranded (MassTransit reconnects within seconds when it can): its liveness then fails and it is restarted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StrandedAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Where the broker is: every cluster node in order, or <see cref="Host"/> and <see cref="Port"/>.</summary>
    public IReadOnlyList<BrokerNode> Nodes() => BrokerNode.ParseList(ClusterNodes, Port) is { Count: > 0 } nodes ? nodes : [new BrokerNode(Host, Port)];

    /// <summary>
    /// A connection of its own (the command line's clients, the worker's notice queues) to the first node that answers,
    /// with the TLS settings of the hosts' bus.
    /// </summary>
    public Task<RabbitMQ.Client.IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken)
    {
        var ssl = BrokerTls.From(this);
        var endpoints = Nodes().Select(node => new RabbitMQ.Client.AmqpTcpEndpoint(node.Host, node.Port, ssl?.SslOption() ?? new RabbitMQ.Client.SslOption())).ToList();
        return ConnectionFactory(clientName).CreateConnectionAsync(endpoints, clientName, cancellationToken);
    }

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

        foreach (var error in BrokerNode.Errors(ClusterNodes))
        {
            yield return new ValidationResult($"RabbitMq:ClusterNodes: {error}", [nameof(ClusterNodes)]);
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
