using MiddleServerValidation.Processing.Registration;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Consecutive staged rows of a batch, prepared: the rows rejected before the rules (<see cref="Rejected"/>,
/// by row index) and, for the others, the prepared chunk the registration path decides (<see cref="Decided"/>
/// gives each one's row index).
/// </summary>
internal sealed record BatchChunk(List<StagedRow> Rows, BatchRowResult?[] Rejected, int[] Decided, PreparedChunk Prepared)
{
    public int FirstRowNo => Rows[0].RowNo;

    public int LastRowNo => Rows[^1].RowNo;
}
