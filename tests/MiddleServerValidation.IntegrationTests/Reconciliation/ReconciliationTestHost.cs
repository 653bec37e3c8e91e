using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>
/// The reconciliation as the <c>reconcile</c> command hosts it, on the test class's database and J-LIS stub, with
/// the registration path beside it to store registrations the way the worker does.
/// </summary>
public sealed class ReconciliationTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReconciliationTestHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public PersonalNumberProtector Protector => Services.GetRequiredService<PersonalNumberProtector>();
    public ReconciliationRunner Runner => Services.GetRequiredService<ReconciliationRunner>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<ReconciliationTestHost> StartAsync(ServiceFixture fixture, IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder();
        fixture.Configure(builder, overrides);
        builder.AddReconciliation();
        var app = builder.Build();
        await app.StartAsync();
        return new ReconciliationTestHost(app);
    }

    /// <summary>Registers through the one registration path (cross-checks, J-LIS, findings, notices).</summary>
    public Task<IReadOnlyList<RegistrationResult>> RegisterAsync(params RegisterEnrollee[] messages) =>
        Services.GetRequiredService<DecisionStep>().DecideAsync(messages, CancellationToken.None);

    public Task<RunOutcome> ReconcileAsync(
        IReadOnlyList<string>? steps = null, DateOnly? day = null, IProgress<ReconciliationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Runner.RunAsync(
            new RunRequest(ReconciliationTriggers.Command, day ?? TokyoCalendar.Today(TimeProvider.System), steps ?? ReconciliationSteps.All)
            {
                Progress = progress,
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
