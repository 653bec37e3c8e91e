using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

public class NeedsResidentLookupTests
{
    [Theory]
    [InlineData("no number, no history", false)]
    [InlineData("no number, surname changed", false)]
    [InlineData("no history", true)]
    [InlineData("same person", false)]
    [InlineData("other birthdate", false)]
    [InlineData("other birthdate and surname", false)]
    [InlineData("other given name", false)]
    [InlineData("no split", false)]
    [InlineData("surname changed", true)]
    [InlineData("unknown earlier name", false)]
    public void Only_a_number_without_history_or_with_an_unexplained_surname_change_needs_J_LIS(string scenario, bool expected)
    {
        var (candidate, history) = Build(scenario);

        Assert.Equal(expected, CrossCheckEngine.NeedsResidentLookup(candidate, history));

        // Decide agrees: it demands an answer exactly when one is needed, and ignores one that is not.
        if (expected)
        {
            Assert.Throws<ArgumentException>(() => CrossCheckEngine.Decide(candidate, history, null));
        }
        else
        {
            Assert.Equal(
                CrossCheckEngine.Decide(candidate, history, null).Reasons,
                CrossCheckEngine.Decide(candidate, history, new ResidentAnswer.NotFound()).Reasons);
        }
    }

    private static (Candidate, EarlierRegistration[]) Build(string scenario) => scenario switch
    {
        "no number, no history" => (Candidate(personalNumber: null), []),
        "no number, surname changed" => (Candidate(personalNumber: null), [Earlier(1, "ヤマダ ハナコ")]),
        "no history" => (Candidate(), []),
        "same person" => (Candidate(), [Earlier(1)]),
        "other birthdate" => (Candidate(), [Earlier(1, birthDate: new DateOnly(1990, 1, 1))]),
        "other birthdate and surname" => (Candidate(), [Earlier(1, "ヤマダ ハナコ", new DateOnly(1990, 1, 1))]),
        "other given name" => (Candidate(), [Earlier(1, "シカク タロウ")]),
        "no split" => (Candidate(), [Earlier(1, "ヤマダハナコ")]),
        "surname changed" => (Candidate(), [Earlier(1, "ヤマダ ハナコ")]),
        "unknown earlier name" => (Candidate(), [Earlier(1, "ヤマダ ●ナコ")]),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}
