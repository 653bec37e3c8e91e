using Spectre.Console;

namespace MiddleServerValidation.Cli.Batches;

/// <summary>How <c>msv submit</c> shows its progress: bars on a terminal, a line now and then when the output is captured.</summary>
internal interface ISubmitProgress
{
    void Upload(long bytes, long totalBytes, long rows, double rowsPerSecond, bool done);

    void Decide(int rowsDone, int totalRows, double rowsPerSecond, bool done);
}

internal sealed class BarProgress(ProgressContext context, long fileBytes) : ISubmitProgress
{
    private readonly ProgressTask _upload = context.AddTask("アップロード", maxValue: Math.Max(fileBytes, 1));
    private ProgressTask? _decide;

    public void Upload(long bytes, long totalBytes, long rows, double rowsPerSecond, bool done)
    {
        _upload.Value = done ? _upload.MaxValue : bytes;
        _upload.Description = $"アップロード {rows:N0} 行（{rowsPerSecond:N0} 行/秒）";
        if (done)
        {
            _upload.StopTask();
        }
    }

    public void Decide(int rowsDone, int totalRows, double rowsPerSecond, bool done)
    {
        _decide ??= context.AddTask("判定", maxValue: Math.Max(totalRows, 1));
        _decide.Value = rowsDone;
        _decide.Description = $"判定 {rowsDone:N0} / {totalRows:N0} 行（{rowsPerSecond:N0} 行/秒）";
        if (done)
        {
            _decide.StopTask();
        }
    }
}

/// <summary>For logs and CI: one line every few seconds and one at the end of each phase.</summary>
internal sealed class LineProgress : ISubmitProgress
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private DateTime _last = DateTime.UtcNow;

    public void Upload(long bytes, long totalBytes, long rows, double rowsPerSecond, bool done)
    {
        if (done || Due())
        {
            AnsiConsole.WriteLine($"アップロード{(done ? "完了" : "中")}: {rows:N0} 行（{rowsPerSecond:N0} 行/秒、{bytes * 100 / Math.Max(totalBytes, 1)} %）");
        }
    }

    public void Decide(int rowsDone, int totalRows, double rowsPerSecond, bool done)
    {
        if (done || Due())
        {
            AnsiConsole.WriteLine($"判定{(done ? "完了" : "中")}: {rowsDone:N0} / {totalRows:N0} 行（{rowsPerSecond:N0} 行/秒）");
        }
    }

    private bool Due()
    {
        if (DateTime.UtcNow - _last < Every)
        {
            return false;
        }

        _last = DateTime.UtcNow;
        return true;
    }
}
