using System.Text.RegularExpressions;

namespace MiddleServerValidation.Domain.Addresses;

/// <summary>The patterns <see cref="AddressReader"/> applies, in one place so their character classes stay consistent.</summary>
internal static partial class AddressPatterns
{
    /// <summary>A kanji (with 々): CJK unified, extension A, compatibility, and planes 2–3 as surrogate pairs.</summary>
    private const string Kanji = @"(?:[\u3005\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD8BF][\uDC00-\uDFFF])";

    /// <summary>Hyphens, dashes, minus signs, box-drawing lines and ー: what people type between block numbers.</summary>
    public const string Dashes = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u23AF\u23E4\u2500\u2501\uFE58\uFE63\uFF0D\u30FC\uFF70";

    private const string Dash = @"[\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u23AF\u23E4\u2500\u2501\uFE58\uFE63\uFF0D\u30FC\uFF70]";

    private const string Numeral = "[0-9" + KanjiNumerals.Characters + "]";

    [GeneratedRegex(@"^\s*〒?\s*[0-9]{3}-?[0-9]{4}\s*")]
    public static partial Regex LeadingPostalCode();

    [GeneratedRegex(@"\([^()]*\)|「[^「」]*」|『[^『』]*』|\[[^\[\]]*\]")]
    public static partial Regex BracketedNote();

    [GeneratedRegex(@"\s+")]
    public static partial Regex WhitespaceRun();

    [GeneratedRegex("(?<=" + Kanji + ")[ヶケがゖ](?=" + Kanji + ")")]
    public static partial Regex SmallKeBetweenKanji();

    [GeneratedRegex("(?<=" + Kanji + ")[ヵカかゕ](?=" + Kanji + ")")]
    public static partial Regex SmallKaBetweenKanji();

    [GeneratedRegex("(?<=" + Kanji + ")[之ノの](?=" + Kanji + ")")]
    public static partial Regex NoBetweenKanji();

    [GeneratedRegex("(?<=" + Kanji + ")[ッツっつ](?=" + Kanji + ")")]
    public static partial Regex TsuBetweenKanji();

    [GeneratedRegex("(?<=[0-9])一(?=[0-9])")]
    public static partial Regex IchiBetweenDigits();

    [GeneratedRegex("(?<=" + Numeral + @")\s*" + Dash + @"\s*")]
    public static partial Regex DashAfterNumber();

    [GeneratedRegex("[" + KanjiNumerals.Characters + "]+")]
    public static partial Regex KanjiNumeralRun();

    /// <summary>What makes a kanji numeral run an address number; anchored where the run ends.</summary>
    [GeneratedRegex(@"\G\s*(?:丁目|丁(?=" + Numeral + ")|番地|番|号|地割|条|線|軒|[のノ之](?=" + Numeral + ")|" + Dash + @"|\s|$)")]
    public static partial Regex AfterAddressNumber();

    [GeneratedRegex(@"([0-9]+)\s*丁目\s*")]
    public static partial Regex Chome();

    [GeneratedRegex(@"([0-9]+)\s*丁\s*(?=[0-9])")]
    public static partial Regex ChoBeforeNumber();

    [GeneratedRegex(@"([0-9]+)\s*番地?\s*[のノ之]\s*(?=[0-9])")]
    public static partial Regex BanchiNo();

    [GeneratedRegex(@"([0-9]+)\s*番地\s*")]
    public static partial Regex Banchi();

    /// <summary>番町, 番丁, 番街 and 番館 belong to a town or building name (一番町).</summary>
    [GeneratedRegex(@"([0-9]+)\s*番(?![町丁街館])\s*")]
    public static partial Regex Ban();

    /// <summary>号室, 号棟 and 号館 are a room or building, not the 号 of an address.</summary>
    [GeneratedRegex(@"([0-9]+)\s*号(?![室棟館])\s*")]
    public static partial Regex Go();

    [GeneratedRegex(@"([0-9]+)\s*[のノ之]\s*(?=[0-9])")]
    public static partial Regex NoBetweenNumbers();

    [GeneratedRegex("-{2,}")]
    public static partial Regex RepeatedDash();

    [GeneratedRegex(@"-(?=\s|$|[^0-9])")]
    public static partial Regex DanglingDash();

    [GeneratedRegex("[0-9]+(?:-[0-9]+)*")]
    public static partial Regex BlockNumbers();

    /// <summary>A leading ○○郡 followed by a 町 or 村 with no 市 or 区 between (大和郡山市 and 郡山市 stay).</summary>
    [GeneratedRegex("^[^0-9市区]{1,5}郡(?=[^0-9市区]{1,6}?[町村])")]
    public static partial Regex LeadingDistrict();

    [GeneratedRegex("^(京都市.{1,3}?区)(.*)$")]
    public static partial Regex KyotoWard();

    /// <summary>A Kyoto 通り名 ends in 上る, 下る or 入る (and their ル/がる forms).</summary>
    [GeneratedRegex("^.*(?:上る|上ル|上がる|下る|下ル|下がる|東入る|東入ル|西入る|西入ル|入る|入ル)")]
    public static partial Regex KyotoStreetDirections();
}
