using MiddleServerValidation.Processing.Decisions;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Consecutive staged rows of a batch, prepared: the rows rejected before the rules (<see cref="Rejected"/>, by row
/// index) and, for the others, the chunk the decision step has decided under its number locks (<see cref="Decided"/>
/// gives each one's row index). Disposing it releases the locks and its place among the run's numbers in flight.
/// </summary>
internal sealed record BatchChunk(List<StagedRow> Rows, BatchRowResult?[] Rejected, int[] Decided, OpenChunk Open, IDisposable InFlight)
    : IAsyncDisposable
{
    public int FirstRowNo => Rows[0].RowNo;

    public int LastRowNo => Rows[^1].RowNo;

    public async ValueTask DisposeAsync()
    {
        await Open.DisposeAsync();
        InFlight.Dispose();
    }
}
