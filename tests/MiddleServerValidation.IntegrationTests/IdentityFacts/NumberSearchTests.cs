using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Corrections;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.IdentityFacts;

/// <summary>J-LIS knows these residents with all five facts; two of them share name, birthdate and sex.</summary>
public sealed class NumberSearchFixture : ServiceFixture
{
    public static readonly string Midori = TestData.PersonalNumber(13_101);
    public static readonly string Aoi = TestData.PersonalNumber(13_102);
    public static readonly string HikaruEast = TestData.PersonalNumber(13_103);
    public static readonly string HikaruWest = TestData.PersonalNumber(13_104);

    protected override IEnumerable<string> ExtraResidents =>
    [
        $"{Midori},カワノ ミドリ,1985-02-03,2,川野 緑,東京都千代田区霞が関一丁目1番1号",
        $"{Aoi},カワノ アオイ,1986-03-04,2,川野 葵,京都府京都市左京区吉田本町36番地1",
        $"{HikaruEast},カワノ ヒカル,1987-04-05,1,川野 光,宮城県仙台市青葉区国分町三丁目7番1号",
        $"{HikaruWest},カワノ ヒカル,1987-04-05,1,川野 光,福岡県福岡市中央区天神一丁目8番1号",
    ];
}

/// <summary>
/// Registrations without a personal number searched for in J-LIS by their facts (the default policy): the number found
/// on all five facts, obtained once by its insurer alone with its API key and audited, or confirmed by a correction;
/// no resident, several, one on fewer facts, and an outage each said; no number in the clear anywhere but that answer.
/// </summary>
public sealed class NumberSearchTests(NumberSearchFixture fixture) : IClassFixture<NumberSearchFixture>, IAsyncLifetime
{
    private WebApplication? _web;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await fixture.StopAsync(_web);
        }
    }

    private static RegisterEnrollee Person(string id, string birthDate, string kana, string sex, string? kanji, string? address,
        string insurer = TestData.InsurerA) =>
        TestData.Registration(id, null!, birthDate, kana, insurer) with { PersonalNumber = null, Sex = sex, KanjiName = kanji, Address = address };

    private async Task<DecisionStep> StepAsync() => (await fixture.EnsureWorkerAsync()).Services.GetRequiredService<DecisionStep>();

    [Fact]
    public async Task One_resident_on_all_five_facts_its_insurer_obtains_the_number_once_and_no_one_else_can()
    {
        var step = await StepAsync();
        // Variant forms on the insurer's side: full-width digits, no prefecture, 丁目 as a number.
        var results = await step.DecideAsync(
            [Person("N-1", "1985-02-03", "カワノ ミドリ", "2", "川野 緑", "千代田区霞が関１－１－１")], CancellationToken.None);

        Assert.Equal("Accepted", results[0].Outcome);
        var found = Assert.Single(results[0].Reasons);
        Assert.Equal("PersonalNumberFound", found.Code.ToString());
        Assert.Contains("********" + NumberSearchFixture.Midori[^4..], found.Message);
        var notice = await NoticePayloadAsync("N-1");
        Assert.Contains("PersonalNumberFound", notice);
        Assert.Contains("********" + NumberSearchFixture.Midori[^4..], notice);

        var a = await ClientAsync(TestData.InsurerA);
        var b = await ClientAsync(TestData.InsurerB);
        using (var other = await b.PostAsync("/api/v1/registrations/N-1/found-number", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var anonymous = await new HttpClient { BaseAddress = a.BaseAddress }.PostAsync("/api/v1/registrations/N-1/found-number", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var first = await a.PostAsync("/api/v1/registrations/N-1/found-number", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
            var body = await first.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(NumberSearchFixture.Midori, body.GetProperty("personalNumber").GetString());
            Assert.Equal(1, body.GetProperty("version").GetInt32());
        }

        using (var again = await a.PostAsync("/api/v1/registrations/N-1/found-number", null))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains("取得済み", await again.Content.ReadAsStringAsync());
        }

        await using (var db = fixture.CreateDbContext())
        {
            var audited = await db.Set<AuditEntry>().Where(e => e.Action == AuditActions.RetrieveFoundNumber).ToListAsync();
            var entry = Assert.Single(audited);
            Assert.Equal($"insurer:{TestData.InsurerA}", entry.Actor);
            Assert.Contains("N-1", entry.Details);
        }

        // Until then the insurer's correction file says the number is there to take, not merely missing.
        await using (var reconciliation = await ReconciliationTestHost.StartAsync(fixture))
        {
            var run = await reconciliation.ReconcileAsync([ReconciliationSteps.Corrections]);
            var file = (await reconciliation.Services.GetRequiredService<ICorrectionFiles>()
                .OfRunAsync(run.Run!.Id, TestData.InsurerA, CancellationToken.None))!;
            var line = Assert.Single(Encoding.UTF8.GetString(file.Content).Split("\r\n"), l => l.StartsWith("N-1,", StringComparison.Ordinal));
            Assert.Contains(",PersonalNumberFound,", line);
            Assert.Contains("見つかっています", line);
        }

        // The insurer confirms the number by a correction: J-LIS confirms it by number, and nothing is left to obtain.
        var corrected = await step.DecideAsync(
            [TestData.Correction(Person("N-1", "1985-02-03", "カワノ ミドリ", "2", "川野 緑", "千代田区霞が関１－１－１") with { PersonalNumber = NumberSearchFixture.Midori })],
            CancellationToken.None);
        Assert.Equal(("Accepted", "JlisConfirmed"), (corrected[0].Outcome, corrected[0].Reasons[0].Code.ToString()));
        using (var afterCorrection = await a.PostAsync("/api/v1/registrations/N-1/found-number", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, afterCorrection.StatusCode);
        }

        await NothingInTheClear.AssertAsync(fixture, [.. NothingInTheClear.DecisionTables, "found_numbers", "audit_log"],
            NumberSearchFixture.Midori, "川野 緑", "霞が関");
    }

    [Fact]
    public async Task No_resident_several_and_one_on_fewer_facts_are_each_said_and_no_number_is_kept()
    {
        var step = await StepAsync();
        var results = await step.DecideAsync(
        [
            Person("N-2", "1979-12-24", "カワノ ユキ", "2", "川野 雪", "北海道札幌市中央区北一条西二丁目1番地"),
            Person("N-3", "1987-04-05", "カワノ ヒカル", "1", "川野 光", "宮城県仙台市青葉区国分町三丁目7番1号"),
            Person("N-4", "1986-03-04", "カワノ アオイ", "2", "川野 葵", "大阪府大阪市北区梅田一丁目1番3号"),
            Person("N-5", "1986-03-04", "カワノ アオイ", "2", null, null),
        ], CancellationToken.None);

        Assert.Equal(["NumberSearchNoResident", "NumberSearchSeveralResidents", "NumberSearchPartialMatch", "NumberSearchPartialMatch"],
            results.Select(r => r.Reasons[1].Code.ToString()));
        Assert.All(results, r => Assert.Equal(("Accepted", "PersonalNumberMissing"), (r.Outcome, r.Reasons[0].Code.ToString())));
        Assert.Contains("住所", results[2].Reasons[1].Message);
        Assert.Contains("漢字氏名・住所", results[3].Reasons[1].Message);
        Assert.Equal(0, await FoundNumbersAsync("N-2", "N-3", "N-4", "N-5"));
        await NothingInTheClear.AssertAsync(fixture, [.. NothingInTheClear.DecisionTables, "found_numbers"],
            NumberSearchFixture.Aoi, NumberSearchFixture.HikaruEast, NumberSearchFixture.HikaruWest, "川野", "梅田", "吉田本町", "国分町");
    }

    [Fact]
    public async Task An_outage_is_said_and_a_correction_after_it_searches_again()
    {
        var step = await StepAsync();
        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        IReadOnlyList<RegistrationResult> during;
        try
        {
            during = await step.DecideAsync(
                [Person("N-6", "1985-02-03", "カワノ ミドリ", "2", "川野 緑", "東京都千代田区霞が関一丁目1番1号", TestData.InsurerB)], CancellationToken.None);
        }
        finally
        {
            await fixture.SetStubFaultsAsync(errorRate: 0);
        }

        Assert.Equal("Accepted", during[0].Outcome);
        Assert.Equal(["PersonalNumberMissing", "NumberSearchUnavailable"], during[0].Reasons.Select(r => r.Code.ToString()));

        var after = await Eventually.GetAsync(
            () => step.DecideAsync(
                [TestData.Correction(Person("N-6", "1985-02-03", "カワノ ミドリ", "2", "川野 緑", "東京都千代田区霞が関一丁目1番1号", TestData.InsurerB),
                    operationId: Guid.NewGuid().ToString())],
                CancellationToken.None),
            results => results[0].Reasons[0].Code.ToString() == "PersonalNumberFound", TimeSpan.FromSeconds(60),
            "the correction searched again once J-LIS answers (its circuit closed)");
        Assert.Equal("Accepted", after[0].Outcome);
        Assert.Equal(1, await FoundNumbersAsync("N-6"));
    }

    private async Task<HttpClient> ClientAsync(string insurer)
    {
        _web ??= await fixture.StartWebAsync();
        var client = new HttpClient { BaseAddress = new Uri(_web.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.CreateApiKeyAsync(insurer));
        return client;
    }

    private async Task<string> NoticePayloadAsync(string registrationId)
    {
        await using var db = fixture.CreateDbContext();
        var stored = await db.Registrations.Where(r => r.RegistrationId == registrationId).Select(r => r.Id).ToListAsync();
        var payloads = await db.Notices.Where(n => n.RegistrationId != null && stored.Contains(n.RegistrationId.Value)).Select(n => n.PayloadJson).ToListAsync();
        return string.Join('\n', payloads);
    }

    private async Task<long> FoundNumbersAsync(params string[] registrationIds)
    {
        await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM found_numbers WHERE record_id = ANY($1)", connection)
        {
            Parameters = { new() { Value = registrationIds } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
