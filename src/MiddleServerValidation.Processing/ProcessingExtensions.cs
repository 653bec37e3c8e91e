using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Jlis;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.ResidentLookups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Processing;

public static class ProcessingExtensions
{
    /// <summary>The decision step with its database, personal-data protection and the J-LIS adapter.</summary>
    public static IHostApplicationBuilder AddProcessing(this IHostApplicationBuilder builder)
    {
        builder.AddPersistence();
        builder.Services.AddResidentRegistry();
        builder.Services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<ProcessingOptions>>().Value);
        builder.Services.AddSingleton<RegistrationReader>();
        builder.Services.AddSingleton<RegistrationIntake>();
        builder.Services.AddSingleton<PendingLookupSchedule>();
        builder.Services.AddSingleton<ResidentAnswers>();
        builder.Services.AddSingleton<DecisionMetrics>();
        builder.Services.AddSingleton<DecisionStep>();
        builder.Services.AddSingleton<IDecisionStep>(provider => provider.GetRequiredService<DecisionStep>());
        builder.Services.AddSingleton<PendingLookupRetrier>();
        return builder;
    }
}
