using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Batches;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Batches;

/// <summary>The batch endpoint: a few batches at a time per worker, transient database faults retried from the checkpoint.</summary>
public sealed class ProcessBatchConsumerDefinition : ConsumerDefinition<ProcessBatchConsumer>
{
    private readonly RabbitMqOptions _rabbitMq;
    private readonly int _concurrentBatches;

    public ProcessBatchConsumerDefinition(IOptions<RabbitMqOptions> rabbitMq, IOptions<BatchProcessingOptions> batches)
    {
        _rabbitMq = rabbitMq.Value;
        _concurrentBatches = batches.Value.ConcurrentBatches;
        EndpointName = QueueNames.Batches;
        ConcurrentMessageLimit = _concurrentBatches;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProcessBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = (ushort)_concurrentBatches;
            if (_rabbitMq.QuorumQueues)
            {
                rabbit.SetQuorumQueue();
            }
        }

        endpointConfigurator.PublishFaults = false;

        // Each retry resumes at the last committed chunk; nothing committed is decided again.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(e => e.IsTransient);
            retry.Handle<TimeoutException>();
            retry.Handle<PostgresException>(e => e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.SerializationFailure);
            retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        });
    }
}
