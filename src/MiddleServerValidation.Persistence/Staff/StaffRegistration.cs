using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MiddleServerValidation.Persistence.Staff;

public static class StaffRegistration
{
    /// <summary>Local staff accounts (needs <see cref="PersistenceRegistration.AddPersistence"/>).</summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<StaffAccounts>();
        return builder;
    }
}
