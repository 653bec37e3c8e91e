using MassTransit;
using MiddleServerValidation.Jlis.Health;
using MiddleServerValidation.Processing;
using MiddleServerValidation.ServiceDefaults;
using MiddleServerValidation.Worker.Batches;
using MiddleServerValidation.Worker.Broker;
using MiddleServerValidation.Worker.Notices;
using MiddleServerValidation.Worker.Reconciliation;
using MiddleServerValidation.Worker.Registration;
using MiddleServerValidation.Worker.ResidentLookups;

namespace MiddleServerValidation.Worker;

public static class WorkerApp
{
    /// <summary>Builds the worker host; tests call it with their own configuration.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WorkerApp).Assembly.GetName().Name,
        });
        builder.AddServiceDefaults();
        builder.AddProcessing();
        // Hosted services stop in reverse order: the batcher must outlive the bus's in-flight consumers.
        builder.AddGroupCommit();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<RegisterEnrolleeConsumer, RegisterEnrolleeConsumerDefinition>();
            bus.AddBatchFileConsumer();
        });
        // The bus connects in the background (MassTransit's default): the host starts and answers /health/live while the
        // broker is down, /health/ready says so, and the bus keeps trying until it is back. Waiting for the broker here
        // would leave the process without a live endpoint, and an orchestrator would restart it over and over.
        builder.AddNoticeDispatch();
        builder.AddBatchFiles();
        builder.Services.AddSingleton<PendingLookupMetrics>();
        builder.Services.AddHostedService<PendingLookupService>();
        builder.Services.AddHealthChecks().AddJlisCircuitCheck(ServiceDefaultsExtensions.ReadyTag)
            .AddCheck<BusConsumingHealthCheck>("bus-consuming", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<StrandedBusHealthCheck>("bus-stranded", tags: [ServiceDefaultsExtensions.LiveTag]);
        builder.Services.AddSingleton<StrandedBusHealthCheck>();
        builder.AddReconciliationSchedule();

        // Last, so tests can replace settings and services.
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
