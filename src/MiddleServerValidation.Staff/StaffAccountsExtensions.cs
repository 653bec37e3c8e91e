using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MiddleServerValidation.Staff;

public static class StaffAccountsExtensions
{
    /// <summary>Local staff accounts and console sessions (needs <c>AddPersistence</c>).</summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<StaffSessions>();
        return builder;
    }
}
