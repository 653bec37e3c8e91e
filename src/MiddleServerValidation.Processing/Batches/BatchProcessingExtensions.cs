using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MiddleServerValidation.Processing.Batches;

public static class BatchProcessingExtensions
{
    /// <summary>Deciding batch files (section <c>Batches</c>); needs <c>AddProcessing</c>.</summary>
    public static IHostApplicationBuilder AddBatchProcessing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BatchProcessingOptions>().BindConfiguration(BatchProcessingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BatchMetrics>();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<BatchRecovery>();
        return builder;
    }
}
