using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>The broker connection (section <c>RabbitMq</c>, e.g. env <c>RabbitMq__Host</c>).</summary>
public sealed class RabbitMqOptions
{
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
}
