using MiddleServerValidation.Processing.Batches;

namespace MiddleServerValidation.Processing.Tests.Batches;

public sealed class InFlightNumbersTests
{
    [Fact]
    public void A_chunk_sees_as_held_the_numbers_of_earlier_chunks_until_they_are_committed()
    {
        var inFlight = new InFlightNumbers();

        var (first, firstEntry) = inFlight.Enter(["A", "B", "B"]);
        var (second, secondEntry) = inFlight.Enter(["B", "C"]);
        Assert.Empty(first);
        Assert.Equal(["B"], second);

        firstEntry.Dispose();
        var (third, _) = inFlight.Enter(["A", "B", "C"]);
        Assert.Equal(["B", "C"], third.Order());

        secondEntry.Dispose();
        secondEntry.Dispose();
        var (fourth, _) = inFlight.Enter(["A", "D"]);
        Assert.Equal(["A"], fourth);
    }
}
