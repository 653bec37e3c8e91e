using MassTransit;
using MiddleServerValidation.Contracts;
using MassTransit.Middleware;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.ServiceDefaults;
using MiddleServerValidation.Worker.ErrorQueue;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>The registrations endpoint: queue name, plain-JSON support, prefetch, and what is retried.</summary>
public sealed class RegisterEnrolleeConsumerDefinition : ConsumerDefinition<RegisterEnrolleeConsumer>
{
    private readonly RabbitMqOptions _rabbitMq;
    private readonly PersonalNumberProtector _protector;

    public RegisterEnrolleeConsumerDefinition(IOptions<RabbitMqOptions> rabbitMq, PersonalNumberProtector protector)
    {
        _rabbitMq = rabbitMq.Value;
        _protector = protector;
        EndpointName = QueueNames.Registrations;
        // Enough messages in flight at once to fill a chunk.
        ConcurrentMessageLimit = _rabbitMq.PrefetchCount;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RegisterEnrolleeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // What cannot be decided goes to the error queue sealed: no plain personal number is kept there.
        void Sealed(IPipeConfigurator<ExceptionReceiveContext> error)
        {
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new SealedErrorTransportFilter(_protector));
        }

        endpointConfigurator.ConfigureError(Sealed);

        // Checked before anything is deserialised: a registration is a few hundred bytes.
        endpointConfigurator.ConfigureReceive(receive =>
            receive.UseFilter(new MessageSizeFilter(_rabbitMq.MaxMessageBytes, Pipe.New<ExceptionReceiveContext>(Sealed))));

        // Non-.NET clients publish plain JSON (application/json) with no envelope and no message type.
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = _rabbitMq.PrefetchCount;
            if (_rabbitMq.QuorumQueues)
            {
                rabbit.SetQuorumQueue();
            }
        }

        // Fault<RegisterEnrollee> events would copy the message, personal number included, to every
        // subscriber; the error queue (operators only) is where a failed registration goes.
        endpointConfigurator.PublishFaults = false;

        // While the database is down, stop taking messages instead of failing them: they wait in the queue.
        endpointConfigurator.UseKillSwitch(options => options
            .SetActivationThreshold(10)
            .SetTripThreshold(0.15)
            .SetRestartTimeout(TimeSpan.FromSeconds(30))
            .SetExceptionFilter(filter => filter.Handle<NpgsqlException>(DatabaseFaults.IsTransient)));

        // Transient infrastructure faults are retried; an invalid record is an outcome, never a retry.
        endpointConfigurator.UseMessageRetry(retry => retry.TransientDatabaseFaults());
    }
}
