using MiddleServerValidation.Reconciliation.Corrections;
using MiddleServerValidation.Reconciliation.DryRun;
using MiddleServerValidation.Reconciliation.Recheck;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reconciliation.ResidentLookups;
using MiddleServerValidation.Reconciliation.Runs;
using MiddleServerValidation.Reconciliation.Snapshots;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Reconciliation;

public static class ReconciliationExtensions
{
    /// <summary>
    /// The nightly reconciliation (runner, steps, rule-change preview) with the registration path it shares
    /// (added here unless the host already has it), and the report and correction-file services.
    /// </summary>
    public static IHostApplicationBuilder AddReconciliation(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(DecisionStep)))
        {
            builder.AddProcessing();
        }

        builder.AddReconciliationResults();
        builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ReconciliationOptions>>().Value);
        builder.Services.TryAddSingleton<RunStore>();
        builder.Services.AddSingleton<IReconciliationStep, JlisRetryStep>();
        builder.Services.AddSingleton<IReconciliationStep, RecheckStep>();
        builder.Services.AddSingleton<IReconciliationStep, JlisAudit.JlisAuditStep>();
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
    /// Only the read side: <see cref="IDataQualityFigures"/> and <see cref="ICorrectionFiles"/>, for a host that
    /// shows the report and serves the files (the web console) on top of <c>AddPersistence</c>.
    /// </summary>
    public static IHostApplicationBuilder AddReconciliationResults(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IDataQualityFigures, DataQualityFiguresQuery>();
        builder.Services.TryAddSingleton<ICorrectionFiles, CorrectionFiles>();
        return builder;
    }
}
