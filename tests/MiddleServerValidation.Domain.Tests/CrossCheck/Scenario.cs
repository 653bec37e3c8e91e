using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>Builders for engine tests: candidates go through the real reader, so they are normalised as in production.</summary>
internal static class Scenario
{
    public const string Number = "111111111118";
    public const string OtherInsurer = "01130012";
    public static readonly DateOnly BirthDate = new(1989, 9, 13);

    private static readonly RegistrationReader Reader = new(FixedClock.JapanNoon);

    public static Candidate Candidate(
        string kanaName = "シカク ハナコ",
        string birthDate = "1989-09-13",
        string? personalNumber = Number,
        string? sex = "2",
        string? cardNumber = "5501")
    {
        var result = Reader.Read(new RegisterEnrollee
        {
            RegistrationId = "A-0001",
            InsurerNumber = "06139992",
            PersonalNumber = personalNumber,
            BirthDate = birthDate,
            KanaName = kanaName,
            Sex = sex,
            CardSymbol = "77",
            CardNumber = cardNumber,
            BranchNumber = "00",
        });
        Assert.True(result.IsValid, string.Join(" / ", result.Problems));
        return result.Candidate!;
    }

    public static EarlierRegistration Earlier(int id, string kanaName = "シカク ハナコ", DateOnly? birthDate = null, Sex? sex = Sex.Female) =>
        new(Id(id), OtherInsurer, birthDate ?? BirthDate, kanaName, sex);

    public static Guid Id(int id) => new($"00000000-0000-0000-0000-{id:000000000000}");

    public static ResidentAnswer.Found Resident(string kanaName = "シカク ハナコ", DateOnly? birthDate = null, Sex? sex = Sex.Female) =>
        new(kanaName, birthDate ?? BirthDate, sex);

    /// <summary>A Suspected decision carries one finding for its reason, with the rule and the rule-set version.</summary>
    public static Finding AssertSuspected(Decision decision, ReasonCode code, string? field, string ruleId)
    {
        Assert.Equal(Outcome.Suspected, decision.Outcome);
        Assert.Equal(code, decision.Reasons[0].Code);
        Assert.Equal(field, decision.Reasons[0].Field);
        var finding = Assert.Single(decision.Findings);
        Assert.Equal(code, finding.Code);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal("2026.11.1", finding.RuleSetVersion);
        return finding;
    }

    /// <summary>The insurer's messages say nothing of the other registration: not its insurer, name or birthdate.</summary>
    public static void AssertDiscloses_nothing_of(Decision decision, params string[] otherValues)
    {
        foreach (var reason in decision.Reasons)
        {
            Assert.True(JapaneseText.IsJapanese(reason.Message));
            foreach (var value in otherValues.Append(OtherInsurer).Append(Number[..8]))
            {
                Assert.DoesNotContain(value, reason.Message);
            }
        }
    }
}
