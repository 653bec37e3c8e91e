using System.Text;
using MiddleServerValidation.Domain.KanjiNames;

namespace MiddleServerValidation.Domain.Addresses;

/// <summary>
/// Reads an address the way デジタル庁 DS-442 writes one (docs/matching.md, "Addresses"): 丁目・番地・号 as numbers joined
/// by hyphens, 大字/字 and 郡 optional, the building name a separate item. Every step is applied to both sides of a
/// comparison, so one that also touches part of a place name (二十四軒 → 24軒) changes both alike.
/// </summary>
internal static class AddressReader
{
    /// <summary>The address in parts, or null when it is missing or blank.</summary>
    public static AddressParts? Read(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = MatchingText.Basic(address);
        var hasLostCharacter = LostCharacters.AnyIn(text);
        text = AddressPatterns.LeadingPostalCode().Replace(text, string.Empty);
        text = AddressPatterns.BracketedNote().Replace(text, " ");
        text = FoldVariants(AddressPatterns.WhitespaceRun().Replace(text, " ").Trim());

        // 霞ヶ関 = 霞ケ関 = 霞が関, 堀之内 = 堀ノ内 = 堀の内, 六ッ川 = 六ツ川: only between two kanji.
        text = AddressPatterns.SmallKeBetweenKanji().Replace(text, "ケ");
        text = AddressPatterns.SmallKaBetweenKanji().Replace(text, "カ");
        text = AddressPatterns.NoBetweenKanji().Replace(text, "ノ");
        text = AddressPatterns.TsuBetweenKanji().Replace(text, "ツ");
        text = text.Replace("とおり", "通り", StringComparison.Ordinal).Replace("ふ頭", "埠頭", StringComparison.Ordinal);

        text = AddressPatterns.IchiBetweenDigits().Replace(text, "-");
        text = AddressPatterns.DashAfterNumber().Replace(text, "-");
        text = ConvertKanjiNumerals(text);
        var (prefecture, rest) = Prefectures.Split(text);
        var (town, blocks, remainder) = SplitBlockNumbers(MarkersToDashes(rest));
        return new AddressParts(prefecture, TownPart(town), blocks, remainder.Trim(), hasLostCharacter);
    }

    private static string FoldVariants(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(char.ConvertFromUtf32(KanjiVariants.Fold(rune.Value)));
        }

        return builder.ToString();
    }

    /// <summary>A kanji numeral run becomes digits when an address marker follows it or a dash precedes it (not 千代田, 八丁堀, 三の丸).</summary>
    private static string ConvertKanjiNumerals(string text)
    {
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var run in AddressPatterns.KanjiNumeralRun().EnumerateMatches(text))
        {
            var number = KanjiNumerals.ToArabic(text.AsSpan(run.Index, run.Length));
            var end = run.Index + run.Length;
            var markerFollows = AddressPatterns.AfterAddressNumber().IsMatch(text.AsSpan(end));
            var dashPrecedes = run.Index > 0 && AddressPatterns.Dashes.Contains(text[run.Index - 1], StringComparison.Ordinal);
            if (number is not null && (markerFollows || dashPrecedes))
            {
                builder.Append(text, copied, run.Index - copied).Append(number);
                copied = end;
            }
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string MarkersToDashes(string text)
    {
        text = AddressPatterns.Chome().Replace(text, "$1-");
        text = AddressPatterns.ChoBeforeNumber().Replace(text, "$1-");
        text = AddressPatterns.BanchiNo().Replace(text, "$1-");
        text = AddressPatterns.Banchi().Replace(text, "$1-");
        text = AddressPatterns.Ban().Replace(text, "$1-");
        text = AddressPatterns.Go().Replace(text, "$1 ");
        text = AddressPatterns.NoBetweenNumbers().Replace(text, "$1-");
        text = AddressPatterns.RepeatedDash().Replace(text, "-");
        return AddressPatterns.DanglingDash().Replace(text, " ").Trim();
    }

    /// <summary>
    /// The block numbers are the first run of numbers not directly followed by a kanji or hiragana: 北1条, 24軒, 6線
    /// and 10地割 belong to the town part. Whatever follows them is the building or room.
    /// </summary>
    private static (string Town, string[] Blocks, string Remainder) SplitBlockNumbers(string text)
    {
        foreach (var chain in AddressPatterns.BlockNumbers().EnumerateMatches(text))
        {
            var end = chain.Index + chain.Length;
            if (end < text.Length && Rune.GetRuneAt(text, end) is var next && (IsKanji(next) || IsHiragana(next)))
            {
                continue;
            }

            var blocks = text.Substring(chain.Index, chain.Length).Split('-').Select(WithoutLeadingZeros).ToArray();
            return (text[..chain.Index], blocks, text[end..]);
        }

        return (text, [], string.Empty);
    }

    private static string TownPart(string town)
    {
        town = AddressPatterns.WhitespaceRun().Replace(town, string.Empty);
        town = town.Replace("大字", string.Empty, StringComparison.Ordinal).Replace("字", string.Empty, StringComparison.Ordinal);
        town = AddressPatterns.LeadingDistrict().Replace(town, string.Empty);
        if (AddressPatterns.KyotoWard().Match(town) is { Success: true } ward
            && AddressPatterns.KyotoStreetDirections().IsMatch(ward.Groups[2].Value))
        {
            town = ward.Groups[1].Value + AddressPatterns.KyotoStreetDirections().Replace(ward.Groups[2].Value, string.Empty);
        }

        return town;
    }

    private static string WithoutLeadingZeros(string number) => number.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    private static bool IsKanji(Rune rune) =>
        rune.Value is 0x3005 or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);

    private static bool IsHiragana(Rune rune) => rune.Value is >= 0x3041 and <= 0x309F;
}
