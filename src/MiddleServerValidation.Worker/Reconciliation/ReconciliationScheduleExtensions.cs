using MiddleServerValidation.Reconciliation;

namespace MiddleServerValidation.Worker.Reconciliation;

public static class ReconciliationScheduleExtensions
{
    /// <summary>The reconciliation and its daily schedule (section <c>Reconciliation</c>, validated at start).</summary>
    public static WebApplicationBuilder AddReconciliationSchedule(this WebApplicationBuilder builder)
    {
        builder.AddReconciliation();
        builder.Services.AddHostedService<ReconciliationSchedule>();
        return builder;
    }
}
