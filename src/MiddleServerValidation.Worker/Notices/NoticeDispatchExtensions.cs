using MiddleServerValidation.ServiceDefaults;

namespace MiddleServerValidation.Worker.Notices;

public static class NoticeDispatchExtensions
{
    public static IHostApplicationBuilder AddNoticeDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoticeDispatchOptions>().BindConfiguration(NoticeDispatchOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<INoticePublisher, BrokerNoticePublisher>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<NoticeDispatcher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<NoticeDispatcher>());
        builder.Services.AddHealthChecks().AddCheck<NoticeDispatchHealthCheck>("notice-dispatch", tags: [ServiceDefaultsExtensions.LiveTag]);
        return builder;
    }
}
