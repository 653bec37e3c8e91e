using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

public class DecisionTests
{
    [Fact]
    public void A_record_that_failed_validation_is_rejected_with_its_problems()
    {
        Reason[] problems = [Reason.Of(ReasonCode.FieldMissing, "kanaName"), Reason.Of(ReasonCode.CardInfoMissing, "cardNumber")];

        var decision = Decision.Rejected(problems);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Same(problems, decision.Reasons);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void A_rejection_without_a_problem_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Decision.Rejected([]));
    }
}
