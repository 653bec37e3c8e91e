using System.Text;
using System.Text.RegularExpressions;
using MiddleServerValidation.Domain;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Corrections;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reports;
using MiddleServerValidation.Reconciliation.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>Steps (c) and (d) and the report over them: each insurer's correction file, the daily figures, their trend.</summary>
public sealed class DataQualityTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>, IAsyncLifetime
{
    private const string InsurerC = "01040013";
    private static readonly string[] ReportSteps = [ReconciliationSteps.Corrections, ReconciliationSteps.Snapshot];
    private ReconciliationTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReconciliationTestHost.StartAsync(fixture);
        if (await fixture.CountAsync("SELECT count(*) FROM registrations") > 0)
        {
            return;
        }

        // Insurer A: ● in the card symbol (rejected), no card number, no personal number, an open mix-up, a dismissed case.
        await _host.RegisterAsync(TestData.Registration("LOST-CHAR", ReconciliationFixture.Resident(20), "1990-01-01", "シカク ハナコ") with { CardSymbol = "●12" });
        await _host.RegisterAsync(TestData.Registration("NO-CARD", ReconciliationFixture.Resident(21), "1990-01-01", "シカク ハナコ") with { CardNumber = null });
        await _host.RegisterAsync(TestData.Registration("NO-NUMBER", "", "1990-01-01", "シカク ハナコ") with { PersonalNumber = null });
        await _host.RegisterAsync(TestData.Registration("TWIN-B", ReconciliationFixture.Resident(22), "1990-01-01", "シカク ハナコ", TestData.InsurerB));
        await _host.RegisterAsync(TestData.Registration("TWIN-A", ReconciliationFixture.Resident(22), "1990-01-01", "シカク ハナエ"));
        await _host.RegisterAsync(TestData.Registration("DAY-B", ReconciliationFixture.Resident(23), "1990-01-01", "シカク ハナコ", TestData.InsurerB));
        await _host.RegisterAsync(TestData.Registration("DAY-A", ReconciliationFixture.Resident(23), "1990-01-02", "シカク ハナコ"));
        await fixture.ExecuteAsync("UPDATE findings SET status = 'Dismissed' WHERE registration_id = (SELECT id FROM registrations WHERE registration_id = 'DAY-A')");
        await new RacedRegistrations(_host.DataSource, _host.Protector)
            .AcceptedAsync(InsurerC, "CLEAN", TestData.PersonalNumber(66_000_001), "1950-12-31", "シカク トメ");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_insurer_gets_the_file_of_its_own_records_to_correct_with_masked_numbers()
    {
        var outcome = await _host.ReconcileAsync(ReportSteps);

        var files = _host.Services.GetRequiredService<ICorrectionFiles>();
        var a = (await files.OfRunAsync(outcome.Run!.Id, TestData.InsurerA, CancellationToken.None))!;
        Assert.Equal(Encoding.UTF8.GetPreamble(), a.Content[..3]);
        var lines = Encoding.UTF8.GetString(a.Content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("登録ID,個人番号,修正が必要な内容,理由コード,受付日,受付日（和暦）", lines[0]);
        Assert.Equal(4, a.Info.RowCount);
        Assert.Equal(
            [("LOST-CHAR", "CardNumberInvalidCharacter"), ("NO-CARD", "CardInfoMissing"), ("NO-NUMBER", "PersonalNumberMissing"), ("TWIN-A", "KanaNameMismatch")],
            lines[1..].Select(l => l.Split(',')).Select(f => (f[0], f[3])).Order().ToList());
        Assert.Contains(lines, l => l.StartsWith("LOST-CHAR,********" + ReconciliationFixture.Resident(20)[^4..], StringComparison.Ordinal) && l.Contains("「●」"));
        Assert.Contains(lines, l => l.StartsWith("NO-NUMBER,（未登録）,個人番号が未登録です", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("TWIN-A,", StringComparison.Ordinal) && l.Contains("【確認中】", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("令和", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(a.Content);
        Assert.DoesNotMatch(new Regex(@"\d{12}"), text);
        Assert.DoesNotContain("DAY-A", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TWIN-B", text, StringComparison.Ordinal);

        var b = (await files.OfRunAsync(outcome.Run.Id, TestData.InsurerB, CancellationToken.None))!;
        var c = (await files.LatestOfAsync(InsurerC, CancellationToken.None))!;
        Assert.Equal((0, 0), (b.Info.RowCount, c.Info.RowCount));
        Assert.Equal(3, (await files.LatestAsync(CancellationToken.None)).Count);
        Assert.Equal($"corrections-{InsurerC}-{outcome.Run.RunDate:yyyyMMdd}.csv", c.Info.FileName);
    }

    [Fact]
    public async Task The_day_s_figures_are_recorded_once_per_insurer_and_a_second_run_replaces_them()
    {
        var today = TokyoCalendar.Today(TimeProvider.System);
        await _host.ReconcileAsync(ReportSteps);
        await _host.ReconcileAsync(ReportSteps);

        await using var db = fixture.CreateDbContext();
        var rows = await db.Set<Persistence.Reconciliation.DataQualitySnapshot>().AsNoTracking().Where(s => s.SnapshotDate == today).ToListAsync();
        Assert.Equal(3 * DataQualityKpis.All.Count, rows.Count);
        long Of(string insurer, string kpi) => rows.Single(r => r.InsurerNumber == insurer && r.Kpi == kpi).Value;
        Assert.Equal(5, Of(TestData.InsurerA, DataQualityKpis.Registrations));
        Assert.Equal(1, Of(TestData.InsurerA, DataQualityKpis.CardLostCharacter));
        Assert.Equal(1, Of(TestData.InsurerA, DataQualityKpis.CardInfoMissing));
        Assert.Equal(1, Of(TestData.InsurerA, DataQualityKpis.PersonalNumberMissing));
        Assert.Equal(1, Of(TestData.InsurerA, DataQualityKpis.Suspected(ReasonCode.KanaNameMismatch)));
        Assert.Equal(0, Of(TestData.InsurerA, DataQualityKpis.Suspected(ReasonCode.BirthDateMismatch)));
        Assert.Equal(1, Of(TestData.InsurerA, DataQualityKpis.OpenCases));
        Assert.Equal(0, Of(TestData.InsurerA, DataQualityKpis.PendingLookups));
        Assert.Equal(2, Of(TestData.InsurerB, DataQualityKpis.Registrations));
        Assert.Equal(0, Of(TestData.InsurerB, DataQualityKpis.OpenCases));
    }

    [Fact]
    public async Task The_report_draws_each_figure_s_trend_per_insurer_over_the_stored_days()
    {
        var today = TokyoCalendar.Today(TimeProvider.System);
        var monthAgo = today.AddDays(-30);
        var run = await _host.ReconcileAsync(ReportSteps);
        // An earlier day's figures, as a run a month ago would have left them.
        await TestSql.ExecuteAsync(fixture.ConnectionString,
            "INSERT INTO data_quality_snapshots (snapshot_date, insurer_number, kpi, value, run_id, created_at) " +
            $"SELECT @day, insurer_number, kpi, CASE WHEN kpi = 'card_lost_character' AND insurer_number = '{TestData.InsurerA}' THEN 35000 ELSE value END, " +
            "run_id, now() FROM data_quality_snapshots WHERE snapshot_date = @today ON CONFLICT DO NOTHING", ("day", monthAgo), ("today", today));

        var report = _host.Services.GetRequiredService<IDataQualityFigures>();
        var figures = await report.LoadAsync(new ReportQuery(), CancellationToken.None);
        var html = DataQualityReport.Html(figures);
        var csv = Encoding.UTF8.GetString(DataQualityReport.Csv(figures));

        Assert.Equal([monthAgo, today], figures.Dates);
        Assert.Equal((1 + 3) * DataQualityKpis.All.Count, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("約3.5万件 → 1件", html, StringComparison.Ordinal);
        Assert.Contains(JapaneseFigures.Date(monthAgo), html, StringComparison.Ordinal);
        Assert.Contains("記号・番号の「●」", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        var csvLines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日付,和暦,保険者番号,指標コード,指標,件数", csvLines[0]);
        Assert.Equal(1 + (2 * (3 + 1) * DataQualityKpis.All.Count), csvLines.Length);
        Assert.Contains($"{monthAgo:yyyy-MM-dd},{Domain.Dates.JapaneseDate.ToEraKanji(monthAgo)},{TestData.InsurerA},card_lost_character,記号・番号の「●」,35000", csvLines);
        Assert.NotNull(run.Run);
    }
}
