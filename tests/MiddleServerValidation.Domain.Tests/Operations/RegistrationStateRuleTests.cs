using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Operations;

namespace MiddleServerValidation.Domain.Tests.Operations;

public sealed class RegistrationStateRuleTests
{
    [Theory]
    [InlineData(Outcome.Accepted, 0, false, false, RegistrationStates.Usable)]
    [InlineData(Outcome.Suspected, 1, false, false, RegistrationStates.Held)]
    [InlineData(Outcome.Suspected, 0, false, false, RegistrationStates.Usable)] // answered, dismissed or corrected
    [InlineData(Outcome.Pending, 0, false, false, RegistrationStates.Held)]
    [InlineData(Outcome.Accepted, 1, false, false, RegistrationStates.Held)] // the re-check found what the live check missed
    [InlineData(Outcome.Rejected, 0, false, false, RegistrationStates.Rejected)]
    [InlineData(Outcome.Suspected, 1, true, false, RegistrationStates.Withdrawn)]
    [InlineData(Outcome.Suspected, 1, false, true, RegistrationStates.Superseded)]
    public void A_version_is_held_while_a_finding_is_open_or_j_lis_has_not_answered(
        Outcome outcome, int openFindings, bool withdrawn, bool superseded, string state)
    {
        Assert.Equal(state, RegistrationStateRule.Of(outcome, openFindings, withdrawn, superseded));
    }
}
