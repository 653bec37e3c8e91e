using MiddleServerValidation.Domain.Addresses;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.Addresses;

/// <summary>Every row of Vectors/address-vectors.tsv (docs/matching.md, "Addresses"), in both argument orders.</summary>
public sealed class AddressVectorTests
{
    public static TheoryData<int, string, string, MatchResult, string> Vectors => MatchingVectors.Read(MatchingVectors.Addresses);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_vector_compares_as_documented(int line, string a, string b, MatchResult expected, string why)
    {
        Assert.True(expected == AddressMatching.Compare(a, b), $"line {line}: {why}");
        Assert.True(expected == AddressMatching.Compare(b, a), $"line {line} reversed: {why}");
    }

    [Fact]
    public void The_file_holds_every_documented_vector() =>
        Assert.Equal(69, Vectors.Count());

    [Theory]
    [InlineData("東京都千代田区霞が関二丁目1番6号", "千代田区霞ケ関", "2", "1", "6")]
    [InlineData("北海道札幌市西区二十四軒4条2丁目6-17", "札幌市西区24軒4条", "2", "6", "17")]
    [InlineData("福島県会津若松市大戸町大字高川甲1324", "会津若松市大戸町高川甲", "1324")]
    [InlineData("大阪府大阪市北区3丁目12番5号101号室", "大阪市北区", "3", "12", "5")]
    [InlineData("東京都千代田区一番町010-3", "千代田区1番町", "10", "3")]
    public void An_address_is_read_into_town_part_and_block_numbers(string address, string town, params string[] blocks)
    {
        var parts = AddressReader.Read(address);

        Assert.NotNull(parts);
        Assert.Equal(town, parts.Town);
        Assert.Equal(blocks, parts.Blocks);
    }

    [Theory]
    [InlineData("東京都千代田区霞が関2-1-6 メゾン101", "メゾン101")]
    [InlineData("東京都千代田区霞が関2-1-6（中央合同庁舎）", "")]
    public void The_building_is_kept_apart_and_bracketed_notes_dropped(string address, string rest) =>
        Assert.Equal(rest, AddressReader.Read(address)!.Rest);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void A_missing_address_is_unknown(string? missing) =>
        Assert.Equal(MatchResult.Unknown, AddressMatching.Compare(missing, "東京都千代田区霞が関2-1-6"));

    [Fact]
    public void A_lost_character_in_an_ignored_building_name_still_makes_the_address_unknown() =>
        Assert.Equal(MatchResult.Unknown, AddressMatching.Compare("東京都千代田区霞が関2-1-6 メゾン●", "東京都千代田区霞が関2-1-6"));

    [Theory]
    [InlineData("東京都千代田区霞●関2-1-6", MatchResult.Unknown)]
    [InlineData("東京都千代田区霞が関2-1-6", MatchResult.Same)]
    [InlineData("東京都千代田区", MatchResult.Same)]
    public void The_same_text_on_both_sides_is_the_same_address_unless_a_character_is_lost(string address, MatchResult expected) =>
        Assert.Equal(expected, AddressMatching.Compare(address, address));

    [Fact]
    public void Different_prefectures_differ_even_when_a_character_elsewhere_is_lost() =>
        Assert.Equal(MatchResult.Different, AddressMatching.Compare("東京都府中市宮●1-1", "広島県府中市府川町1-1"));
}
