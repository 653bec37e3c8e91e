using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Reconciliation;

/// <summary>Shows the running step and its counts while a run works (a spinner on a terminal, nothing when captured).</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(Func<IProgress<ReconciliationProgress>, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            return await work(new Progress(_ => { }));
        }

        return await AnsiConsole.Status().StartAsync("照合の準備中…", context =>
            work(new Progress(p => context.Status(Markup.Escape(
                $"{ReconciliationSteps.LabelOf(p.Step)}: " +
                string.Join("、", p.Counts.Select(c => $"{ReconciliationSteps.CountLabelOf(c.Key)} {c.Value:N0}")))))));
    }

    private sealed class Progress(Action<ReconciliationProgress> show) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value) => show(value);
    }
}
