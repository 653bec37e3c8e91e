namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>Numbers and records from the stub's residents.sample.csv, and one valid number it does not hold.</summary>
internal static class SampleResidents
{
    public const string Hanako = "111111111118";
    public const string Ichirou = "222222222225";
    public const string NoSex = "199351819090";
    public const string Unknown = "123456789018";

    /// <summary>Two residents named 佐藤 健二 born on 1958-12-31 (同姓同名), told apart only by their addresses.</summary>
    public const string KenjiNagoya = "824628194826";
    public const string KenjiAizu = "824628194834";

    public static readonly ResidentRecord HanakoRecord =
        new("シカク ハナコ", new DateOnly(1989, 9, 13), "2", "四角 花子", "東京都世田谷区三軒茶屋一丁目27番5号");

    public static readonly ResidentRecord IchirouRecord =
        new("テスト イチロウ", new DateOnly(1987, 9, 13), "1", "手洲戸 一郎", "大阪府大阪市北区天満二丁目14番8号 天満ハイツ302");

    /// <summary>No sex and no address recorded; the kanji name in its old form 髙.</summary>
    public static readonly ResidentRecord NoSexRecord = new("タカハシ ユウ", new DateOnly(2000, 2, 29), null, "髙橋 優", null);

    public static readonly string[] All =
    [
        "111111111118", "222222222225", "333333333332", "444444444440", "444444444431", "526018159084",
        "301661318600", "913909960300", "824628194826", "199351819090", "378657975438", "824628194834",
    ];
}
