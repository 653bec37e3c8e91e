using MassTransit;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>
/// MassTransit reports how it is used to its vendor over the internet unless switched off (after five minutes, or at
/// shutdown when asked to). Neither host makes that call: asked to report at shutdown, they still report nothing.
/// </summary>
public sealed class UsageTelemetryTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Neither_host_reports_usage_to_the_bus_vendor()
    {
        static void AskToReportAtShutdown(WebApplicationBuilder builder) =>
            builder.Services.Configure<UsageTelemetryOptions>(options => options.ReportOnShutdown = true);

        var worker = await fixture.StartWorkerAsync(configure: AskToReportAtShutdown);
        var web = WebApp.Build([], builder =>
        {
            fixture.Configure(builder);
            AskToReportAtShutdown(builder);
        });
        await web.StartAsync();

        Assert.False(worker.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
        Assert.False(web.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
        await fixture.StopAsync(worker);
        await web.StopAsync();
        await web.DisposeAsync();

        // What MassTransit logs just before it sends the report, and when the send fails.
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains("usage telemetry", StringComparison.OrdinalIgnoreCase));
    }
}
