using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.JlisStub.Faults;

internal static class FaultsExtensions
{
    public static IServiceCollection AddFaultInjection(this IServiceCollection services)
    {
        services.AddOptions<FaultSettings>()
            .BindConfiguration(FaultSettings.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<StubStats>();
        return services;
    }

    /// <summary>
    /// <c>GET|PUT /admin/faults</c> and <c>GET /admin/stats</c>, for tests and demos. Mapped only when
    /// <c>JlisStub:AllowRuntimeFaults</c> is true; otherwise they do not exist (404).
    /// </summary>
    public static WebApplication MapFaultAdministration(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<JlisStubOptions>>().Value.AllowRuntimeFaults)
        {
            return app;
        }

        var admin = app.MapGroup("/admin");
        admin.MapGet("/faults", (FaultInjector injector) => TypedResults.Ok(injector.Current.Settings));
        admin.MapPut("/faults", SetFaults);
        admin.MapGet("/stats", (StubStats stats) => TypedResults.Ok(stats.Snapshot()));
        return app;
    }

    private static IResult SetFaults(FaultSettings settings, FaultInjector injector)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(
                error => error.MemberNames.FirstOrDefault() ?? string.Empty,
                error => new[] { error.ErrorMessage ?? "invalid" }));
        }

        injector.Apply(settings);
        return TypedResults.Ok(settings);
    }
}
