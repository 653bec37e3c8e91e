using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>The registrations endpoint: queue name, plain-JSON support, prefetch, and what is retried.</summary>
public sealed class RegisterEnrolleeConsumerDefinition : ConsumerDefinition<RegisterEnrolleeConsumer>
{
    private readonly RabbitMqOptions _rabbitMq;

    public RegisterEnrolleeConsumerDefinition(IOptions<RabbitMqOptions> rabbitMq)
    {
        _rabbitMq = rabbitMq.Value;
        EndpointName = QueueNames.Registrations;
        // Enough messages in flight at once to fill a chunk.
        ConcurrentMessageLimit = _rabbitMq.PrefetchCount;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RegisterEnrolleeConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
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

        // Transient infrastructure faults are retried; an invalid record is an outcome, never a retry.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(e => e.IsTransient);
            retry.Handle<TimeoutException>();
            retry.Handle<PostgresException>(e => e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.SerializationFailure);
            retry.Exponential(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        });
    }
}
