using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Batches;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reconciliation.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static MiddleServerValidation.IntegrationTests.Operations.OperationsFixture;

namespace MiddleServerValidation.IntegrationTests.Operations;

/// <summary>
/// The errors go away: the worked example's Suspected records answered by insurer A as its system does — the sample
/// corrections file through the batch API, a correction over the broker — with the record held until then, released
/// after, downstream told both, and the day's figures showing the open cases gone.
/// </summary>
public sealed class WorkedExampleResolutionTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Downstream = "downstream-states-a";
    private RabbitMqProbe _probe = null!;
    private WebApplication? _web;

    public async Task InitializeAsync()
    {
        await fixture.EnsureWorkerAsync();
        _probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        await _probe.BindStateEventsAsync(Downstream, TestData.InsurerA + ".*");
    }

    public async Task DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task Insurer_A_s_corrections_file_releases_its_held_records_and_its_open_cases_go_to_zero()
    {
        // Day 1: B's earlier records, then A's; two of A's are Suspected and held.
        await PublishExampleAsync("prior.csv", TestData.InsurerB, 3);
        await PublishExampleAsync("new.csv", TestData.InsurerA, 4);
        await using var reconciliation = await ReconciliationTestHost.StartAsync(fixture);
        var today = TokyoCalendar.Today(TimeProvider.System);
        await reconciliation.ReconcileAsync([ReconciliationSteps.Snapshot], today.AddDays(-1));

        // A answers with the sample corrections file: A-0003 corrected to his own number, A-0002 withdrawn as 誤登録.
        using var a = new BatchApi(await ClientAsync(TestData.InsurerA));
        var batch = await a.SubmitAsync(await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "samples", "corrections.csv")));
        await a.WaitCompletedAsync(batch);
        var results = (await a.ResultsAsync(batch)).ToDictionary(r => r.RegistrationId);
        Assert.Equal((Outcomes.Accepted, "JlisConfirmed"), (results["A-0003"].Outcome, results["A-0003"].Codes));
        Assert.Equal((Outcomes.Withdrawn, "Withdrawn"), (results["A-0002"].Outcome, results["A-0002"].Codes));
        await reconciliation.ReconcileAsync([ReconciliationSteps.Snapshot], today);

        // The day's figures: two open suspicions yesterday, none today; one closed by correction, one by withdrawal.
        var figures = await reconciliation.Services.GetRequiredService<IDataQualityFigures>()
            .LoadAsync(new ReportQuery(InsurerNumber: TestData.InsurerA), CancellationToken.None);
        Assert.Equal((2L, 0L), (OpenSuspicions(figures, today.AddDays(-1)), OpenSuspicions(figures, today)));
        Assert.Equal([("Corrected", 1L), ("Withdrawn", 1L)],
            figures.Resolutions.Where(r => r.Date == today).Select(r => (r.Status, r.Count)).Order().ToList());

        // Downstream saw each record held, then released or withdrawn, in sequence order.
        var received = new List<JsonElement>();
        await Eventually.GetAsync(async () =>
        {
            received.AddRange((await _probe.DrainAsync(Downstream)).Select(m => m.Message)
                .Where(e => e.GetProperty("registrationId").GetString() is "A-0002" or "A-0003"));
            return received.Count;
        }, count => count >= 4, Timeout, "four state events about A-0002 and A-0003");
        var events = received.OrderBy(e => e.GetProperty("sequence").GetInt64())
            .Select(e => (e.GetProperty("registrationId").GetString(), e.GetProperty("state").GetString(), e.GetProperty("version").GetInt32()))
            .ToList();
        Assert.Equal([("A-0002", RegistrationStates.Held, 1), ("A-0002", RegistrationStates.Withdrawn, 1)], events.Where(e => e.Item1 == "A-0002"));
        Assert.Equal([("A-0003", RegistrationStates.Held, 1), ("A-0003", RegistrationStates.Usable, 2)], events.Where(e => e.Item1 == "A-0003"));

        // A reads its corrected record: version 2, usable, the number masked only; B cannot see it at all.
        var record = await a.Http.GetFromJsonAsync<JsonElement>("/api/v1/registrations/A-0003");
        Assert.Equal((2, RegistrationStates.Usable, "********4431"),
            (record.GetProperty("version").GetInt32(), record.GetProperty("state").GetString(), record.GetProperty("personalNumberMasked").GetString()));
        Assert.Equal([RegistrationStates.Superseded, RegistrationStates.Usable],
            record.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("state").GetString()));
        Assert.DoesNotContain("444444444431", record.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("444444444440", record.GetRawText(), StringComparison.Ordinal);
        using var b = new BatchApi(await ClientAsync(TestData.InsurerB));
        using var notTheirs = await b.Http.GetAsync("/api/v1/registrations/A-0003");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.DoesNotContain("4431", await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_published_as_plain_json_is_decided_and_notified_with_its_version_and_state()
    {
        await _probe.PublishRegistrationAsync(TestData.Json(Record("RT-1", 40, birthDate: "1991-05-05")));
        var suspected = (await _probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "RT-1", Timeout)).Message;
        Assert.Equal((Outcomes.Suspected, RegistrationStates.Held), (suspected.GetProperty("outcome").GetString(), suspected.GetProperty("state").GetString()));

        // The Japanese operation name, as a batch file's 訂正 column would say it.
        var correction = TestData.Json(Record("RT-1", 40));
        correction["operation"] = "訂正";
        await _probe.PublishRegistrationAsync(correction);
        var corrected = (await _probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "RT-1", Timeout)).Message;

        Assert.Equal((Outcomes.Accepted, RegistrationOperations.Correct, 2, RegistrationStates.Usable),
            (corrected.GetProperty("outcome").GetString(), corrected.GetProperty("operation").GetString(),
                corrected.GetProperty("version").GetInt32(), corrected.GetProperty("state").GetString()));

        // B's system, authenticated as B, cannot withdraw A's record by naming A in the body.
        await _probe.PublishRegistrationAsync(TestData.Json(TestData.Withdrawal("RT-1")), asInsurer: TestData.InsurerB);
        var refused = (await _probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerB), "RT-1", Timeout)).Message;
        Assert.Equal([nameof(ReasonCode.InsurerNumberInvalid)], refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(RegistrationStates.Usable, (await fixture.VersionsAsync("RT-1"))[^1].State);
    }

    private async Task PublishExampleAsync(string file, string insurer, int count)
    {
        foreach (var row in TestData.Example(file))
        {
            await _probe.PublishRegistrationAsync(TestData.Json(TestData.FromExample(row)));
        }

        var notices = await _probe.WaitForAsync(QueueNames.Notices(insurer), count, Timeout);
        Assert.Equal(count, notices.Count);
    }

    private async Task<HttpClient> ClientAsync(string insurer)
    {
        _web ??= await fixture.StartWebAsync();
        var client = new HttpClient { BaseAddress = new Uri(_web.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.CreateApiKeyAsync(insurer));
        return client;
    }

    private static long OpenSuspicions(DataQualityFigures figures, DateOnly day) => DataQualityKpis.SuspectedCodes
        .Sum(code => figures.Series(TestData.InsurerA, DataQualityKpis.Suspected(code)).Where(p => p.Date == day).Sum(p => p.Value));
}
