namespace MiddleServerValidation.Worker.Registration;

public static class GroupCommitExtensions
{
    public static IHostApplicationBuilder AddGroupCommit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegistrationMetrics>();
        builder.Services.AddSingleton<RegistrationBatcher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RegistrationBatcher>());
        return builder;
    }
}
