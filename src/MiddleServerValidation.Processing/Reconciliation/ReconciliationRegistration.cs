using MiddleServerValidation.Processing.Reconciliation.Corrections;
using MiddleServerValidation.Processing.Reconciliation.DryRun;
using MiddleServerValidation.Processing.Reconciliation.Recheck;
using MiddleServerValidation.Processing.Reconciliation.Report;
using MiddleServerValidation.Processing.Reconciliation.ResidentLookups;
using MiddleServerValidation.Processing.Reconciliation.Runs;
using MiddleServerValidation.Processing.Reconciliation.Snapshots;
using MiddleServerValidation.Processing.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Processing.Reconciliation;

public static class ReconciliationRegistration
{
    /// <summary>
    /// The nightly reconciliation (runner, steps, rule-change preview) with the registration path it shares
    /// (added here unless the host already has it), and the report and correction-file services.
    /// </summary>
    public static IHostApplicationBuilder AddReconciliation(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(RegistrationProcessor)))
        {
            builder.AddRegistrationProcessing();
        }

        builder.AddDataQualityReports();
        builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ReconciliationOptions>>().Value);
        builder.Services.TryAddSingleton<RunStore>();
        builder.Services.AddSingleton<IReconciliationStep, JlisRetryStep>();
        builder.Services.AddSingleton<IReconciliationStep, RecheckStep>();
        builder.Services.AddSingleton<IReconciliationStep, CorrectionsStep>();
        builder.Services.AddSingleton<IReconciliationStep, SnapshotStep>();
        builder.Services.AddSingleton(provider => new ReconciliationRunner(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<RunStore>(),
            provider.GetServices<IReconciliationStep>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReconciliationRunner>>()));
        builder.Services.AddSingleton<RuleChangePreview>();
        return builder;
    }

    /// <summary>
    /// Only the read side: <see cref="IDataQualityReport"/> and <see cref="ICorrectionFiles"/>, for a host that
    /// shows the report and serves the files (the web console) on top of <c>AddPersistence</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDataQualityReports(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IDataQualityReport, DataQualityReport>();
        builder.Services.TryAddSingleton<ICorrectionFiles, CorrectionFiles>();
        return builder;
    }
}
