using MiddleServerValidation.Domain.IdentityFacts;

namespace MiddleServerValidation.Domain.Tests.IdentityFacts;

/// <summary>A registration's five facts against J-LIS's 本人確認情報: one result and one reason code per fact.</summary>
public sealed class IdentityFactComparisonTests
{
    private static readonly PersonFacts Resident =
        new("髙橋 太郎", "タカハシ タロウ", new DateOnly(1989, 9, 13), Sex.Male, "東京都千代田区霞が関二丁目1番6号");

    [Fact]
    public void A_registration_written_differently_but_meaning_the_same_person_matches_on_all_five()
    {
        var registration = new PersonFacts("高橋　太郎", "ﾀｶﾊｼ ﾀﾛｳ", new DateOnly(1989, 9, 13), Sex.Male, "千代田区霞が関2-1-6");

        var matches = IdentityFactComparison.Compare(registration, Resident);

        Assert.True(matches.AllSame);
        Assert.Empty(matches.MismatchReasons());
    }

    [Fact]
    public void Each_differing_fact_has_its_own_reason_code_and_field()
    {
        var registration = new PersonFacts("高橋 次郎", "タカハシ ジロウ", new DateOnly(1989, 9, 14), Sex.Female, "東京都港区芝公園4-2-8");

        var matches = IdentityFactComparison.Compare(registration, Resident);

        Assert.Equal(Enum.GetValues<IdentityFact>(), matches.With(MatchResult.Different));
        Assert.Equal(
            [
                (ReasonCode.JlisKanjiNameMismatch, "kanjiName"), (ReasonCode.JlisKanaNameMismatch, "kanaName"),
                (ReasonCode.JlisBirthDateMismatch, "birthDate"), (ReasonCode.JlisSexMismatch, "sex"),
                (ReasonCode.JlisAddressMismatch, "address"),
            ],
            matches.MismatchReasons().Select(reason => (reason.Code, reason.Field)));
    }

    [Fact]
    public void A_moved_address_alone_is_a_low_weight_warning_not_a_suspicion()
    {
        var registration = Resident with { Address = "大阪府大阪市北区梅田3-1-1" };

        var reasons = IdentityFactComparison.Compare(registration, Resident).MismatchReasons();

        var reason = Assert.Single(reasons);
        Assert.Equal(ReasonCode.JlisAddressMismatch, reason.Code);
        Assert.Equal(MismatchWeight.Low, ReasonCatalog.WeightOf(reason.Code));
        Assert.Equal(Outcome.Accepted, ReasonCatalog.CombinedOutcome(reasons));
    }

    [Fact]
    public void Facts_missing_on_either_side_are_unknown_never_mismatches()
    {
        var registration = new PersonFacts(null, "タカハシ タロウ", new DateOnly(1989, 9, 13), null, " ");
        var residentWithoutSex = Resident with { Sex = null };

        var matches = IdentityFactComparison.Compare(registration, residentWithoutSex);

        Assert.Equal([IdentityFact.KanjiName, IdentityFact.Sex, IdentityFact.Address], matches.With(MatchResult.Unknown));
        Assert.Equal([IdentityFact.KanaName, IdentityFact.BirthDate], matches.With(MatchResult.Same));
        Assert.False(matches.AllSame);
        Assert.False(matches.AnyDifferent);
    }

    [Fact]
    public void Lost_characters_in_the_insurers_own_kanji_name_and_address_ask_for_re_registration()
    {
        var registration = Resident with { KanjiName = "●橋 太郎", Address = "東京都千代田区霞〓関2-1-6" };

        var matches = IdentityFactComparison.Compare(registration, Resident);
        var reasons = IdentityFactComparison.LostCharacterReasons(registration);

        Assert.Equal([IdentityFact.KanjiName, IdentityFact.Address], matches.With(MatchResult.Unknown));
        Assert.Equal([("kanjiName", ReasonCode.CharacterLost), ("address", ReasonCode.CharacterLost)], reasons.Select(r => (r.Field!, r.Code)));
        Assert.Empty(IdentityFactComparison.LostCharacterReasons(Resident));
    }

    [Fact]
    public void The_facts_print_which_are_present_but_never_a_value()
    {
        var printed = Resident.ToString();

        Assert.Equal("PersonFacts { KanjiName, KanaName, BirthDate, Sex, Address }", printed);
        Assert.DoesNotContain("髙橋", printed, StringComparison.Ordinal);
    }
}
