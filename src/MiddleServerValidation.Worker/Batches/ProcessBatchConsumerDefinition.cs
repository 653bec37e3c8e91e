using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Batches;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Options;

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
        endpointConfigurator.UseMessageRetry(retry => retry.TransientDatabaseFaults());
    }
}
