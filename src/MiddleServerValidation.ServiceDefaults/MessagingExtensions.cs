using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with the connection from <see cref="RabbitMqOptions"/>, validated at start-up.
    /// <paramref name="configure"/> adds the host's consumers; <paramref name="configureBus"/> its endpoints.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMassTransit(bus =>
        {
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username ?? string.Empty);
                    host.Password(options.Password ?? string.Empty);
                    host.PublisherConfirmation = true;
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
