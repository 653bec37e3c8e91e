using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Processing.Decisions;
using static MiddleServerValidation.Processing.Tests.TestSupport.Chunks;

namespace MiddleServerValidation.Processing.Tests.Decisions;

public sealed class OrderedDeciderTests
{
    [Fact]
    public void Only_an_accepted_record_becomes_history_for_the_ones_after_it()
    {
        var item = Prepare("A-1", Number(20));
        var history = HistoryBook.Empty();
        var decider = new OrderedDecider(history, RuleSets.Current);

        decider.Count(item.Id, InsurerA, item.Candidate!, item.NumberKeyHex, Outcome.Suspected);
        decider.Count(item.Id, InsurerA, item.Candidate!, item.NumberKeyHex, Outcome.Pending);
        Assert.Empty(history.Of(item.NumberKeyHex));

        decider.Count(item.Id, InsurerA, item.Candidate!, item.NumberKeyHex, Outcome.Accepted);
        Assert.Equal(item.Id, Assert.Single(history.Of(item.NumberKeyHex)).Id);
    }

    [Fact]
    public void A_J_LIS_answer_is_asked_for_only_when_the_rules_need_one()
    {
        var item = Prepare("A-1", Number(21));
        var asked = new List<string>();

        var withHistory = new OrderedDecider(History((item, Earlier())), RuleSets.Current)
            .Decide(item.Candidate!, item.NumberKeyHex, number => { asked.Add(number); return null; });
        Assert.NotNull(withHistory);
        Assert.Empty(asked);

        var withoutHistory = new OrderedDecider(HistoryBook.Empty(), RuleSets.Current)
            .Decide(item.Candidate!, item.NumberKeyHex, number => { asked.Add(number); return null; });
        Assert.Null(withoutHistory);
        Assert.Equal([Number(21)], asked);
    }
}
