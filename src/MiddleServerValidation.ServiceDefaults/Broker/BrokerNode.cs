using System.Globalization;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>One RabbitMQ node the hosts may connect to (an entry of <c>RabbitMq:ClusterNodes</c>).</summary>
public sealed record BrokerNode(string Host, int Port)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>The entries of a comma-separated list; a node without a port is on <paramref name="defaultPort"/>.</summary>
    public static IReadOnlyList<BrokerNode> ParseList(string? list, int defaultPort) =>
        Entries(list).Select(entry => TryParse(entry, defaultPort, out var node) ? node : throw new FormatException($"Not host[:port]: {entry}")).ToList();

    /// <summary>What is wrong with each entry of the list, if anything.</summary>
    public static IEnumerable<string> Errors(string? list) =>
        Entries(list).Where(entry => !TryParse(entry, 1, out _)).Select(entry => $"'{entry}' is not host[:port] with a port from 1 to 65535");

    private static IEnumerable<string> Entries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParse(string entry, int defaultPort, out BrokerNode node)
    {
        node = null!;
        var colon = entry.LastIndexOf(':');
        var host = colon < 0 ? entry : entry[..colon];
        var port = defaultPort;
        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal)
            || (colon >= 0 && (!int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)))
        {
            return false;
        }

        node = new BrokerNode(host, port);
        return true;
    }
}
