using System.Text;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary><c>msv reconcile</c> and <c>msv report</c> as processes: what they print and the exit codes scripts rely on.</summary>
public sealed class ReconcileCommandTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task Reconcile_exits_zero_when_done_three_with_work_left_and_one_when_it_fails()
    {
        await using (var host = await ReconciliationTestHost.StartAsync(fixture))
        {
            await new RacedRegistrations(host.DataSource, host.Protector)
                .AcceptedAsync(TestData.InsurerA, "CLI-1", TestData.PersonalNumber(65_000_001), "1960-02-02", "シカク ジロウ");
        }

        var done = await CliProcess.RunAsync(fixture, "reconcile");
        Assert.True(done.ExitCode == 0, done.Output);
        Assert.Contains("夜間照合が完了しました", done.Output, StringComparison.Ordinal);
        Assert.Contains("全件再照合", done.Output, StringComparison.Ordinal);

        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        try
        {
            await using (var host = await ReconciliationTestHost.StartAsync(fixture))
            {
                await host.RegisterAsync(TestData.Registration("CLI-2", ReconciliationFixture.Resident(45), "1990-01-01", "シカク ハナコ"));
            }

            var left = await CliProcess.RunAsync(fixture, "reconcile", "--steps", "jlis");
            Assert.True(left.ExitCode == 3, left.Output);
            Assert.Contains("保留のまま", left.Output, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.SetStubFaultsAsync(errorRate: 0);
        }

        await fixture.ExecuteAsync("ALTER TABLE data_quality_snapshots RENAME TO data_quality_snapshots_away");
        try
        {
            var failed = await CliProcess.RunAsync(fixture, "reconcile", "--steps", "snapshot");
            Assert.True(failed.ExitCode == 1, failed.Output);
            Assert.Contains("夜間照合が失敗しました", failed.Output, StringComparison.Ordinal);
            Assert.Contains("failed in step snapshot", failed.Output, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ExecuteAsync("ALTER TABLE data_quality_snapshots_away RENAME TO data_quality_snapshots");
        }

        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM reconciliation_runs WHERE status = 'Failed'"));
    }

    [Fact]
    public async Task A_dry_run_needs_a_known_version_and_the_rules_option_alone_is_refused()
    {
        var preview = await CliProcess.RunAsync(fixture, "reconcile", "--dry-run", "--rules", "2026.12.1");
        var unknown = await CliProcess.RunAsync(fixture, "reconcile", "--dry-run", "--rules", "2027.1.1");
        var withoutDryRun = await CliProcess.RunAsync(fixture, "reconcile", "--rules", "2026.12.1");
        var wrongStep = await CliProcess.RunAsync(fixture, "reconcile", "--steps", "everything");

        Assert.True(preview.ExitCode == 0, preview.Output);
        Assert.Contains("追加される疑い", preview.Output, StringComparison.Ordinal);
        Assert.Contains("2026.11.1 → 2026.12.1", preview.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("2027.1.1", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, withoutDryRun.ExitCode);
        Assert.Equal(2, wrongStep.ExitCode);
    }

    [Fact]
    public async Task Report_writes_the_html_the_csv_and_each_insurers_correction_file()
    {
        await using (var host = await ReconciliationTestHost.StartAsync(fixture))
        {
            await new RacedRegistrations(host.DataSource, host.Protector)
                .AcceptedAsync(TestData.InsurerB, "NO-CARD", TestData.PersonalNumber(65_000_101), "1961-03-03", "シカク サブロウ", cardNumber: null);
            await host.ReconcileAsync();
        }

        var folder = Path.Combine(Path.GetTempPath(), $"msv-report-{Guid.NewGuid():N}");
        try
        {
            var result = await CliProcess.RunAsync(fixture, "report", "--output", folder);

            Assert.True(result.ExitCode == 0, result.Output);
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "data-quality-report.html"));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            var csv = await File.ReadAllBytesAsync(Path.Combine(folder, "data-quality-report.csv"));
            Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
            var corrections = Directory.GetFiles(Path.Combine(folder, "corrections"));
            var insurerB = Assert.Single(corrections, f => Path.GetFileName(f).StartsWith($"corrections-{TestData.InsurerB}-", StringComparison.Ordinal));
            Assert.Contains("NO-CARD", await File.ReadAllTextAsync(insurerB), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
