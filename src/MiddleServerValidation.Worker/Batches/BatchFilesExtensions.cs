using MassTransit;
using MiddleServerValidation.Processing.Batches;

namespace MiddleServerValidation.Worker.Batches;

public static class BatchFilesExtensions
{
    /// <summary>Deciding uploaded batch files, and sending lost claim checks again. Call after <c>AddMessaging</c>.</summary>
    public static IHostApplicationBuilder AddBatchFiles(this IHostApplicationBuilder builder)
    {
        builder.AddBatchProcessing();
        builder.Services.AddHostedService<BatchRecoveryService>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddBatchFileConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ProcessBatchConsumer, ProcessBatchConsumerDefinition>();
        return bus;
    }
}
