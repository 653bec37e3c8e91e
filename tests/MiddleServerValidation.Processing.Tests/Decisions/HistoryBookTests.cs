using MiddleServerValidation.Processing.Decisions;
using static MiddleServerValidation.Processing.Tests.TestSupport.Chunks;

namespace MiddleServerValidation.Processing.Tests.Decisions;

public sealed class HistoryBookTests
{
    [Fact]
    public void A_copy_is_decided_on_without_changing_the_history_as_loaded()
    {
        var history = HistoryBook.Empty();
        history.Add("AA", Earlier());

        var copy = history.Copy();
        copy.Add("AA", Earlier());
        copy.Add("BB", Earlier());

        Assert.Single(history.Of("AA"));
        Assert.Empty(history.Of("BB"));
        Assert.Equal(2, copy.Of("AA").Count);
    }

    [Fact]
    public void A_record_without_a_number_has_no_history()
    {
        Assert.Empty(HistoryBook.Empty().Of(null));
    }
}
