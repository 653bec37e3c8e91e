using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Registration;

/// <summary>
/// Twins registered with the same new number at the same moment, taken by two different workers.
/// J-LIS holds the number with a name it could not store (●), so only the cross-check between the
/// two registrations can tell them apart: exactly one of each pair must be flagged.
/// </summary>
public sealed class ConcurrentWorkersTests(ConcurrentWorkersTests.TwinsFixture fixture) : IClassFixture<ConcurrentWorkersTests.TwinsFixture>
{
    private const int Pairs = 40;

    public sealed class TwinsFixture : ServiceFixture
    {
        protected override IEnumerable<string> ExtraResidents =>
            Enumerable.Range(0, Pairs).Select(i => $"{TestData.PersonalNumber(7_000_000 + i)},シカク ●●●,2004-08-04,1");
    }

    [Fact]
    public async Task Two_workers_never_miss_a_conflict_between_concurrent_registrations_of_one_number()
    {
        // Small chunks that close at once, so the two twins of a pair are decided in separate transactions.
        var settings = new Dictionary<string, string?> { ["Processing:ChunkSize"] = "4", ["Processing:ChunkWait"] = "00:00:00" };
        await fixture.StartWorkerAsync(settings);
        await fixture.StartWorkerAsync(settings);
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);

        for (var i = 0; i < Pairs; i++)
        {
            var number = TestData.PersonalNumber(7_000_000 + i);
            await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration($"TARO-{i}", number, "2004-08-04", "シカク タロウ")));
            await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration($"JIRO-{i}", number, "2004-08-04", "シカク ジロウ")));
        }

        var notices = await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 2 * Pairs, TimeSpan.FromSeconds(60));
        Assert.Equal(2 * Pairs, notices.Count);

        await using var db = fixture.CreateDbContext();
        var outcomes = await db.Registrations.Select(r => new { r.RegistrationId, r.Outcome, r.ReasonsJson }).ToListAsync();
        for (var i = 0; i < Pairs; i++)
        {
            var pair = outcomes.Where(o => o.RegistrationId == $"TARO-{i}" || o.RegistrationId == $"JIRO-{i}").ToList();
            Assert.Equal(2, pair.Count);
            Assert.Single(pair, o => o.Outcome == "Accepted");
            Assert.Single(pair, o => o.Outcome == "Suspected" && o.ReasonsJson.Contains("KanaNameMismatch"));
        }
    }
}
