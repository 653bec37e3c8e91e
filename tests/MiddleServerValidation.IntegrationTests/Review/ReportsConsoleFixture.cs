using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// The console's cases plus one record with ● in its card symbol, and one full nightly reconciliation over them,
/// run as the <c>reconcile</c> command runs it: the Reports page then has figures, a run and correction files.
/// </summary>
public sealed class ReportsConsoleFixture : ReviewConsoleFixture
{
    public const string LostCharacterRecord = "LOST-01";

    private readonly SemaphoreSlim _once = new(1, 1);
    private RunOutcome? _outcome;

    public override int PageSize => 20;

    /// <summary>The reconciliation's outcome; it runs on the first call.</summary>
    public async Task<RunOutcome> ReconciledAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_outcome is null)
            {
                await using var host = await ReconciliationTestHost.StartAsync(this);
                await host.RegisterAsync(TestData.Registration(LostCharacterRecord, TestData.PersonalNumber(7_200_001), "1970-04-01", "ホシュウ イチロウ") with { CardSymbol = "●12" });
                _outcome = await host.ReconcileAsync();
            }

            return _outcome;
        }
        finally
        {
            _once.Release();
        }
    }
}
