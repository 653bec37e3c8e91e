using System.Diagnostics;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Worker.Registration;

namespace MiddleServerValidation.IntegrationTests.Telemetry;

/// <summary>
/// Real registrations through a worker whose OpenTelemetry is on: every span, metric and log attribute it would export
/// is searched for the personal numbers, names and birthdates it handled. The residents and records are this class's
/// own, so no other test's data can be mistaken for theirs.
/// </summary>
public sealed class PersonalDataTelemetryTests(PersonalDataTelemetryTests.ResidentsFixture fixture)
    : IClassFixture<PersonalDataTelemetryTests.ResidentsFixture>
{
    private static readonly string Newborn = TestData.PersonalNumber(4_140_001);
    private static readonly string Twin = TestData.PersonalNumber(4_140_002);
    private static readonly string Unknown = TestData.PersonalNumber(4_140_003);

    public sealed class ResidentsFixture : ServiceFixture
    {
        protected override IEnumerable<string> ExtraResidents =>
        [
            $"{Newborn},トクメイ ミチル,2019-07-23,2",
            $"{Twin},トクメイ ハルカ,2018-02-14,2",
        ];
    }

    [Fact]
    public async Task No_personal_number_name_or_birthdate_reaches_a_span_a_metric_or_a_log_attribute()
    {
        var telemetry = new TelemetryCapture();
        var worker = await fixture.StartWorkerAsync(configure: telemetry.AddTo);
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);

        // Accepted through J-LIS (era date, half-width kana), a mix-up suspected against it, one J-LIS does not know,
        // one rejected with the values echoed nowhere, and one the worker cannot address (it faults to the error queue).
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("TEL-1", Newborn, "R1.7.23", "ﾄｸﾒｲ ﾐﾁﾙ") with { Sex = "2" }));
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("TEL-2", Twin, "2018-02-14", "トクメイ ハルカ") with { Sex = "2" }));
        await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 2, TimeSpan.FromSeconds(30));
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("TEL-3", Twin, "2018-02-14", "トクメイ カナタ")));
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("TEL-4", Unknown, "平成30年2月14日", "とくめい そら")));
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("TEL-5", "123456789010", "2018-02-31", "Tokumei Sora")));
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("", Twin, "2018-02-14", "トクメイ アオイ")), TestData.InsurerA);
        var notices = await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 3, TimeSpan.FromSeconds(30));
        Assert.Equal(3, notices.Count);
        await Eventually.GetAsync(() => Task.FromResult(fixture.Logs.Lines.Any(l => l.Contains(nameof(UnaddressableRegistrationException), StringComparison.Ordinal))),
            faulted => faulted, TimeSpan.FromSeconds(30), "the unaddressable registration to fault");
        TelemetryCapture.Flush(worker.Services);

        string[] personal =
        [
            Newborn, Twin, Unknown, "123456789010",
            "トクメイ", "ﾄｸﾒｲ", "とくめい", "Tokumei", "ミチル", "ﾐﾁﾙ", "ハルカ", "カナタ", "そら", "アオイ",
            "2019-07-23", "R1.7.23", "2018-02-14", "2018-02-31", "平成30年2月14日", "20190723", "20180214", "2019/07/23", "2018/02/14",
        ];
        var texts = telemetry.AllTexts().ToList();
        var leaks = texts.Where(text => personal.Any(value => text.Contains(value, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in telemetry:\n" + string.Join("\n", leaks.Take(20)));

        // And the telemetry is there: the message spans, the chunk that links to them, the database and J-LIS calls, metrics, logs.
        Activity[] spans;
        lock (telemetry.Spans)
        {
            spans = [.. telemetry.Spans];
        }

        var chunks = spans.Where(s => s.Source.Name == RegistrationMetrics.Name).ToList();
        Assert.NotEmpty(chunks);
        var consumed = spans.Where(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer).Select(s => s.Context).ToHashSet();
        Assert.Contains(chunks.SelectMany(c => c.Links), link => consumed.Contains(link.Context));
        Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full")?.ToString()?.StartsWith(fixture.StubAddress.ToString(), StringComparison.Ordinal) == true);
        var decided = telemetry.Metrics.Where(m => m.Name == "msv.registrations.decided").SelectMany(m => m.MetricPoints)
            .Select(p => TagOf(p, "outcome")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Accepted", "Suspected", "Rejected" }, decided);
        Assert.Contains(telemetry.Metrics, m => m.Name == "msv.registrations.chunk.size");
        Assert.Contains(telemetry.Logs, l => l.Category.StartsWith("MiddleServerValidation", StringComparison.Ordinal));
    }

    private static string? TagOf(OpenTelemetry.Metrics.MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
