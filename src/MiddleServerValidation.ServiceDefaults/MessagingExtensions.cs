using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with the connection from <see cref="RabbitMqOptions"/>, validated at start-up, and readiness
    /// checks of the broker: reachable, and every bus endpoint consuming.
    /// <paramref name="configure"/> adds the host's consumers; <paramref name="configureBus"/> its endpoints.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BrokerConnectionHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BrokerConnectionHealthCheck>("broker", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddMassTransit(bus =>
        {
            // Left on, MassTransit reports how it is used to its vendor over the internet after every start: a service
            // holding personal numbers makes no outbound call it does not need.
            bus.DisableUsageTelemetry();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username ?? string.Empty);
                    host.Password(options.Password ?? string.Empty);
                    host.PublisherConfirmation = true;
                    if (options.ClusterNodes is { Length: > 0 })
                    {
                        // Each connection attempt takes the next node: a bus whose node died reconnects to another.
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in options.Nodes())
                            {
                                cluster.Node(node.ToString());
                            }
                        });
                    }

                    if (BrokerTls.From(options) is { } tls)
                    {
                        host.UseSsl(ssl =>
                        {
                            // MassTransit accepts an unverified chain unless told otherwise: every error counts here.
                            ssl.EnforcePolicyErrors(BrokerTls.AllPolicyErrors);
                            ssl.Protocol = BrokerTls.Protocols;
                            ssl.ServerName = tls.ServerName;
                            ssl.CertificateValidationCallback = tls.Validation;
                            ssl.Certificate = tls.ClientCertificate;
                        });
                    }
                });
                configureBus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
