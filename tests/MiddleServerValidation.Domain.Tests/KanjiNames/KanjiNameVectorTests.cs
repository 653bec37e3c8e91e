using MiddleServerValidation.Domain.KanjiNames;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.KanjiNames;

/// <summary>Every row of Vectors/kanji-name-vectors.tsv (docs/matching.md, "Kanji names"), in both argument orders.</summary>
public sealed class KanjiNameVectorTests
{
    public static TheoryData<int, string, string, MatchResult, string> Vectors => MatchingVectors.Read(MatchingVectors.KanjiNames);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_vector_compares_as_documented(int line, string a, string b, MatchResult expected, string why)
    {
        Assert.True(expected == KanjiNameMatching.Compare(a, b), $"line {line}: {why}");
        Assert.True(expected == KanjiNameMatching.Compare(b, a), $"line {line} reversed: {why}");
    }

    [Fact]
    public void The_file_holds_every_documented_vector() =>
        Assert.Equal(64, Vectors.Count());

    [Theory]
    [InlineData(null, "高橋 太郎")]
    [InlineData("   ", "高橋 太郎")]
    [InlineData("\u3000", "高橋 太郎")]
    [InlineData(null, null)]
    public void A_missing_name_is_unknown(string? a, string? b) =>
        Assert.Equal(MatchResult.Unknown, KanjiNameMatching.Compare(a, b));

    [Fact]
    public void An_unpaired_surrogate_is_an_unreadable_character_not_a_crash() =>
        Assert.Equal(MatchResult.Unknown, KanjiNameMatching.Compare("高\uD842 太郎", "高橋 太郎"));

    [Theory]
    [InlineData("髙橋\t太郎", "高橋 太郎")]
    [InlineData("ｽﾐｽ ｼﾞｮﾝ", "スミス ジョン")]
    [InlineData("ス゛ミス", "ズミス")]
    public void Width_control_whitespace_and_voiced_marks_are_folded(string a, string b) =>
        Assert.Equal(MatchResult.Same, KanjiNameMatching.Compare(a, b));
}
