using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>
/// The seed's worked example (shared/examples: MHLW「個人番号誤入力チェック機能の強化について」), copied here as data:
/// insurer B (01130012) registered first, insurer A (06139992) registers four records.
/// </summary>
public class WorkedExampleTests
{
    // prior.csv
    private static readonly RegisterEnrollee[] Prior =
    [
        Row("B-0001", "01130012", "111111111118", "H1.9.13", "シカク ハナコ", "2", "1001", "23", "00", "2015-04-01"),
        Row("B-0002", "01130012", "222222222225", "S62.9.13", "テスト イチロウ", "1", "1001", "24", "00", "2010-04-01"),
        Row("B-0003", "01130012", "444444444440", "H16.8.4", "シカク タロウ", "1", "1001", "25", "01", "2004-08-04"),
    ];

    // new.csv
    private static readonly RegisterEnrollee[] New =
    [
        Row("A-0001", "06139992", "111111111118", "H1.9.13", "シカク ハナコ", "2", "77", "5501", "00", "2021-07-01"),
        Row("A-0002", "06139992", "222222222225", "H3.7.4", "テスト ジロウ", "1", "77", "5502", "00", "2021-07-01"),
        Row("A-0003", "06139992", "444444444440", "H16.8.4", "シカク ジロウ", "1", "77", "5503", "01", "2021-07-01"),
        Row("A-0004", "06139992", "333333333332", "R3.03.01", "シカク サクラ", "2", "77", "5504", "02", "2021-03-01"),
    ];

    // residents.csv: what the J-LIS stub knows.
    private static readonly Dictionary<string, ResidentAnswer.Found> Residents = new()
    {
        ["111111111118"] = new("シカク ハナコ", new DateOnly(1989, 9, 13), Sex.Female),
        ["222222222225"] = new("テスト イチロウ", new DateOnly(1987, 9, 13), Sex.Male),
        ["333333333332"] = new("シカク サクラ", new DateOnly(2021, 3, 1), Sex.Female),
        ["444444444440"] = new("シカク タロウ", new DateOnly(2004, 8, 4), Sex.Male),
        ["444444444431"] = new("シカク ジロウ", new DateOnly(2004, 8, 4), Sex.Male),
    };

    private readonly RegistrationReader reader = new(FixedClock.JapanNoon);

    // expected.csv
    [Theory]
    [InlineData("A-0001", Outcome.Accepted, ReasonCode.HistoryMatch, false)]
    [InlineData("A-0002", Outcome.Suspected, ReasonCode.BirthDateMismatch, false)]
    [InlineData("A-0003", Outcome.Suspected, ReasonCode.KanaNameMismatch, false)]
    [InlineData("A-0004", Outcome.Accepted, ReasonCode.JlisConfirmed, true)]
    public void Each_registration_of_insurer_A_gets_the_expected_outcome(
        string registrationId, Outcome outcome, ReasonCode code, bool lookedUp)
    {
        var message = New.Single(m => m.RegistrationId == registrationId);
        var candidate = reader.Read(message).Candidate!;
        var history = HistoryOf(message.PersonalNumber!);

        var needsLookup = CrossCheckEngine.NeedsResidentLookup(candidate, history);
        var answer = needsLookup ? Lookup(message.PersonalNumber!) : null;
        var decision = CrossCheckEngine.Decide(candidate, history, answer);

        Assert.Equal(lookedUp, needsLookup);
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(code, Assert.Single(decision.Reasons).Code);
        Scenario.AssertDiscloses_nothing_of(decision, "テスト イチロウ", "シカク タロウ", "1987", "S62", "昭和62", "2004");
    }

    [Fact]
    public void The_twins_finding_shows_staff_both_names_and_the_earlier_registration()
    {
        var candidate = reader.Read(New[2]).Candidate!;
        var history = HistoryOf("444444444440");

        var finding = Scenario.AssertSuspected(
            CrossCheckEngine.Decide(candidate, history, null), ReasonCode.KanaNameMismatch, "kanaName", RuleIds.HistoryGivenName);

        Assert.Equal([new FieldDifference("kanaName", "シカク ジロウ", "シカク タロウ", $"registration:{history[0].Id}")], finding.Differences);
        Assert.Equal([history[0].Id], finding.ConflictingRegistrationIds);
    }

    [Fact]
    public void The_wrong_number_finding_shows_both_birthdates()
    {
        var candidate = reader.Read(New[1]).Candidate!;
        var history = HistoryOf("222222222225");

        var finding = Scenario.AssertSuspected(
            CrossCheckEngine.Decide(candidate, history, null), ReasonCode.BirthDateMismatch, "birthDate", RuleIds.HistoryBirthDate);

        Assert.Equal([new FieldDifference("birthDate", "1991-07-04", "1987-09-13", $"registration:{history[0].Id}")], finding.Differences);
    }

    private List<EarlierRegistration> HistoryOf(string personalNumber) =>
        Prior.Where(p => p.PersonalNumber == personalNumber)
            .Select((p, i) =>
            {
                var earlier = reader.Read(p).Candidate!;
                return new EarlierRegistration(Scenario.Id(i + 100), earlier.InsurerNumber, earlier.BirthDate,
                    earlier.KanaName.Normalized, earlier.Sex);
            })
            .ToList();

    private static ResidentAnswer Lookup(string personalNumber) =>
        Residents.TryGetValue(personalNumber, out var found) ? found : new ResidentAnswer.NotFound();

    private static RegisterEnrollee Row(
        string id, string insurer, string number, string birthDate, string kana, string sex,
        string symbol, string cardNumber, string branch, string qualified) => new()
    {
        RegistrationId = id,
        InsurerNumber = insurer,
        PersonalNumber = number,
        BirthDate = birthDate,
        KanaName = kana,
        Sex = sex,
        CardSymbol = symbol,
        CardNumber = cardNumber,
        BranchNumber = branch,
        QualificationDate = qualified,
    };
}
