using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Jlis;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Processing.Registration;
using MiddleServerValidation.Processing.ResidentLookups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Processing;

public static class ProcessingRegistration
{
    /// <summary>The registration path with its database, personal-data protection and the J-LIS adapter.</summary>
    public static IHostApplicationBuilder AddRegistrationProcessing(this IHostApplicationBuilder builder)
    {
        builder.AddPersistence();
        builder.Services.AddResidentRegistry();
        builder.Services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<ProcessingOptions>>().Value);
        builder.Services.AddSingleton<RegistrationReader>();
        builder.Services.AddSingleton<PendingLookupSchedule>();
        builder.Services.AddSingleton<ResidentAnswers>();
        builder.Services.AddSingleton<RegistrationProcessor>();
        builder.Services.AddSingleton<PendingLookupRetrier>();
        return builder;
    }
}
