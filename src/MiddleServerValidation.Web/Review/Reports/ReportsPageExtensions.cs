using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Web.Review.Authentication;

namespace MiddleServerValidation.Web.Review.Reports;

public static class ReportsPageExtensions
{
    /// <summary>
    /// The Supervisors' <c>/Reports</c> section: the nightly reconciliation's data-quality report and correction
    /// files. Only the report's read side is registered (no runner, steps or J-LIS client). Needs <c>AddReviewConsole</c>.
    /// </summary>
    public static WebApplicationBuilder AddReportsPage(this WebApplicationBuilder builder)
    {
        builder.AddReconciliationResults();
        builder.Services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder("/Reports", StaffAuthentication.SupervisorPolicy));
        builder.Services.AddScoped<RecentRuns>();
        return builder;
    }
}
