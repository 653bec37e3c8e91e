using System.Diagnostics;
using System.Diagnostics.Metrics;
using MiddleServerValidation.Processing.Decisions;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Batch files as they are decided: rows committed (their rate is the rows per second), each run's throughput, each
/// chunk's commit time, and a span per chunk. Tags and span attributes hold counts and the batch's id only.
/// </summary>
public sealed class BatchMetrics
{
    public const string Name = "MiddleServerValidation.Batches";

    private readonly ActivitySource _source = new(Name);
    private readonly DecisionMetrics _decisions;
    private readonly Counter<long> _rows;
    private readonly Histogram<double> _throughput;
    private readonly Histogram<double> _chunkDuration;

    public BatchMetrics(IMeterFactory meters, DecisionMetrics decisions)
    {
        _decisions = decisions;
        var meter = meters.Create(Name);
        _rows = meter.CreateCounter<long>("msv.batches.rows", "{row}", "Batch-file rows decided and committed; its rate is rows per second.");
        _throughput = meter.CreateHistogram<double>("msv.batches.throughput", "{row}/s", "Rows per second of each run of a batch (a run ends at completion or at its slice's end).");
        _chunkDuration = meter.CreateHistogram<double>("msv.batches.chunk.duration", "s", "Time to commit one chunk of a batch with its results.");
    }

    public Activity? StartChunk(Guid batchId, int firstRowNo, int lastRowNo) =>
        _source.StartActivity("batch chunk")?
            .SetTag("msv.batch.id", batchId.ToString())
            .SetTag("msv.batch.first_row", firstRowNo)
            .SetTag("msv.batch.last_row", lastRowNo);

    internal void Committed(IReadOnlyCollection<BatchRowResult> lines, TimeSpan elapsed)
    {
        _rows.Add(lines.Count);
        _chunkDuration.Record(elapsed.TotalSeconds);
        // By each row's own outcome, as for messages: a withdrawal or an answer is not counted as an acceptance here.
        foreach (var outcome in lines.GroupBy(line => line.Outcome, StringComparer.Ordinal))
        {
            _decisions.Decided(outcome.Key, DecisionMetrics.Batch, outcome.Count());
        }
    }

    public void RunEnded(int rows, TimeSpan elapsed)
    {
        if (rows > 0 && elapsed > TimeSpan.Zero)
        {
            _throughput.Record(rows / elapsed.TotalSeconds);
        }
    }
}
