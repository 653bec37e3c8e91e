using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.IdentityFacts;

/// <summary>J-LIS knows the people these tests register, with all five facts.</summary>
public sealed class JlisFactsFixture : ServiceFixture
{
    public static readonly string Hanako = TestData.PersonalNumber(13_001);
    public static readonly string Jiro = TestData.PersonalNumber(13_002);
    public static readonly string Saburo = TestData.PersonalNumber(13_003);
    public static readonly string Shiro = TestData.PersonalNumber(13_004);

    protected override IEnumerable<string> ExtraResidents =>
    [
        $"{Hanako},ヤマカワ ハナコ,1990-04-01,2,山川 花子,東京都港区芝公園四丁目2番8号",
        $"{Jiro},ヤマカワ ジロウ,1992-05-02,1,山川 次郎,東京都港区芝公園四丁目2番8号",
        $"{Saburo},ヤマカワ サブロウ,1994-06-03,1,山川 三郎,神奈川県横浜市中区本町六丁目50番地10",
        $"{Shiro},ヤマカワ シロウ,1996-07-04,1,髙山 四郎,大阪府大阪市北区梅田一丁目1番3号",
    ];
}

/// <summary>
/// Every registration checked against J-LIS by its number on the five facts (the default policy), the policy switched
/// back to "only those without history", J-LIS deciding which side of a conflict is wrong, an outage, and no kanji name,
/// address or plain personal number at rest in the clear, in logs or in notices.
/// </summary>
public sealed class JlisCheckTests(JlisFactsFixture fixture) : IClassFixture<JlisFactsFixture>
{
    private static RegisterEnrollee Person(string id, string number, string birthDate, string kana, string sex, string? kanji, string? address,
        string insurer = TestData.InsurerA) =>
        TestData.Registration(id, number, birthDate, kana, insurer) with { Sex = sex, KanjiName = kanji, Address = address };

    private async Task<DecisionStep> StepAsync() => (await fixture.EnsureWorkerAsync()).Services.GetRequiredService<DecisionStep>();

    [Fact]
    public async Task A_registration_with_history_is_still_checked_and_a_kanji_name_J_LIS_does_not_have_holds_it()
    {
        var step = await StepAsync();
        var first = await step.DecideAsync(
            [Person("K-1", JlisFactsFixture.Hanako, "1990-04-01", "ヤマカワ ハナコ", "2", "山川 花子", "港区芝公園4-2-8")], CancellationToken.None);
        Assert.Equal("Accepted", first[0].Outcome);
        Assert.Equal("JlisConfirmed", first[0].Reasons[0].Code.ToString());

        // Same kana, birthdate and sex as the history: before 2024 that was enough. J-LIS has another kanji name.
        var second = await step.DecideAsync(
            [Person("K-2", JlisFactsFixture.Hanako, "1990-04-01", "ヤマカワ ハナコ", "2", "山河 花子", "港区芝公園4-2-8", TestData.InsurerB)],
            CancellationToken.None);

        Assert.Equal("Suspected", second[0].Outcome);
        Assert.Equal("JlisKanjiNameMismatch", second[0].Reasons[0].Code.ToString());
        await using var db = fixture.CreateDbContext();
        var finding = await db.Findings.SingleAsync(f => f.RegistrationId == second[0].StoredId);
        Assert.Equal("jlis.mismatch", finding.RuleId);
        Assert.DoesNotContain("山", finding.DifferencesJson);
        await AssertNothingInTheClearAsync("山川 花子", "山河 花子", "芝公園", JlisFactsFixture.Hanako);
    }

    [Fact]
    public async Task A_moved_address_is_accepted_with_a_request_for_the_current_one()
    {
        var step = await StepAsync();
        var results = await step.DecideAsync(
            [Person("K-3", JlisFactsFixture.Jiro, "1992-05-02", "ヤマカワ ジロウ", "1", "山川 次郎", "北海道札幌市中央区北1条西2丁目1")], CancellationToken.None);

        Assert.Equal("Accepted", results[0].Outcome);
        Assert.Equal(["JlisAddressMismatch"], results[0].Reasons.Select(r => r.Code.ToString()));
        await AssertNothingInTheClearAsync("山川 次郎", "札幌市", JlisFactsFixture.Jiro);
    }

    [Fact]
    public async Task With_the_old_policy_a_record_with_history_is_not_sent_to_J_LIS()
    {
        var step = await StepAsync();
        Assert.Equal("Accepted", (await step.DecideAsync(
            [Person("K-4", JlisFactsFixture.Saburo, "1994-06-03", "ヤマカワ サブロウ", "1", "山川 三郎", null)], CancellationToken.None))[0].Outcome);
        var old = await fixture.StartWorkerAsync(new Dictionary<string, string?> { ["Processing:JlisCheck"] = "WithoutHistory" });
        try
        {
            var results = await old.Services.GetRequiredService<DecisionStep>().DecideAsync(
                [Person("K-5", JlisFactsFixture.Saburo, "1994-06-03", "ヤマカワ サブロウ", "1", "三川 三郎", null, TestData.InsurerB)],
                CancellationToken.None);

            Assert.Equal("Accepted", results[0].Outcome);
            Assert.Equal("HistoryMatch", results[0].Reasons[0].Code.ToString());
        }
        finally
        {
            // Stopped so its pending-lookup retrier decides nothing more under the old policy; the fixture disposes it.
            await old.StopAsync();
        }

        // The default policy, the same record again under another id: J-LIS is asked and the kanji name differs.
        var every = await step.DecideAsync(
            [Person("K-6", JlisFactsFixture.Saburo, "1994-06-03", "ヤマカワ サブロウ", "1", "三川 三郎", null, TestData.InsurerB)], CancellationToken.None);
        Assert.Equal("JlisKanjiNameMismatch", every[0].Reasons[0].Code.ToString());
    }

    [Fact]
    public async Task When_the_earlier_record_of_another_insurer_disagrees_with_J_LIS_that_record_is_held_and_its_insurer_told()
    {
        var step = await StepAsync();
        var earlier = await step.DecideAsync(
            [Person("K-7", JlisFactsFixture.Shiro, "1996-07-04", "ヤマカワ シロウ", "1", "高山 四郎", null)], CancellationToken.None);
        Assert.Equal("Accepted", earlier[0].Outcome);
        // A record stored before the five-fact check with a wrong birthdate (what the 2023 re-check found by the thousand).
        await using (var owner = new NpgsqlConnection(fixture.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE registrations SET birth_date = '1969-07-04' WHERE id = @id", owner);
            update.Parameters.AddWithValue("id", earlier[0].StoredId!.Value);
            await update.ExecuteNonQueryAsync();
        }

        var later = await step.DecideAsync(
            [Person("K-8", JlisFactsFixture.Shiro, "1996-07-04", "ヤマカワ シロウ", "1", "髙山 四郎", "大阪市北区梅田1-1-3", TestData.InsurerB)],
            CancellationToken.None);

        Assert.Equal("Accepted", later[0].Outcome);
        Assert.Equal("JlisConfirmed", later[0].Reasons[0].Code.ToString());
        await using var db = fixture.CreateDbContext();
        var held = await db.Registrations.SingleAsync(r => r.Id == earlier[0].StoredId);
        Assert.Equal("Suspected", held.Outcome);
        Assert.Equal("Held", held.State);
        var finding = await db.Findings.SingleAsync(f => f.RegistrationId == held.Id);
        Assert.Equal("jlis.earlier-mismatch", finding.RuleId);
        Assert.Equal("JlisBirthDateMismatch", finding.Code);
        var notice = await db.InsurerNotices().Where(n => n.RegistrationId == held.Id && n.Outcome == "Suspected").SingleAsync();
        Assert.Equal(TestData.InsurerA, notice.InsurerNumber);
        Assert.Contains("JlisBirthDateMismatch", notice.PayloadJson);
        // Never who or what the other insurer registered.
        Assert.DoesNotContain(TestData.InsurerB, notice.PayloadJson);
        Assert.DoesNotContain("K-8", notice.PayloadJson);
        Assert.Single(await db.StateEvents().Where(n => n.RegistrationId == held.Id).ToListAsync());
        await AssertNothingInTheClearAsync("髙山 四郎", "高山 四郎", "梅田", JlisFactsFixture.Shiro);
    }

    [Fact]
    public async Task A_J_LIS_outage_leaves_a_record_with_history_pending_and_it_is_decided_when_J_LIS_is_back()
    {
        var step = await StepAsync();
        // Accepted history for the number (J-LIS confirms it), so the next one is asked only because of the policy.
        await step.DecideAsync(
            [Person("K-9", JlisFactsFixture.Hanako, "1990-04-01", "ヤマカワ ハナコ", "2", "山川 花子", null)], CancellationToken.None);
        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        try
        {
            var pending = await step.DecideAsync(
                [Person("K-10", JlisFactsFixture.Hanako, "1990-04-01", "ヤマカワ ハナコ", "2", "山川 花子", null, TestData.InsurerB)], CancellationToken.None);
            Assert.Equal("Pending", pending[0].Outcome);
            Assert.Equal("JlisUnavailable", pending[0].Reasons[0].Code.ToString());
        }
        finally
        {
            await fixture.SetStubFaultsAsync(errorRate: 0);
        }

        await Eventually.GetAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return await db.Registrations.AnyAsync(r => r.RegistrationId == "K-10" && r.Outcome == "Accepted");
        }, decided => decided, TimeSpan.FromSeconds(30), "the pending registration decided once J-LIS answers");
    }

    private Task AssertNothingInTheClearAsync(params string[] values) => NothingInTheClear.AssertAsync(fixture, NothingInTheClear.DecisionTables, values);
}
