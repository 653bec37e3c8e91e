namespace MiddleServerValidation.Benchmarks.Synthetic;

/// <summary>Common surnames and given names in katakana, enough for realistic name collisions.</summary>
internal static class SyntheticNames
{
    public static readonly string[] Surnames =
    [
        "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ",
        "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "サイトウ", "シミズ",
        "ヤマザキ", "モリ", "アベ", "イケダ", "ハシモト", "ヤマシタ", "イシカワ", "ナカジマ", "マエダ", "フジタ",
        "オガワ", "ゴトウ", "オカダ", "ハセガワ", "ムラカミ", "コンドウ", "イシイ", "サカモト", "エンドウ", "アオキ",
        "フジイ", "ニシムラ", "フクダ", "オオタ", "ミウラ", "フジワラ", "オカモト", "マツダ", "ナカガワ", "ナカノ",
    ];

    public static readonly string[] MaleGivenNames =
    [
        "ヒロシ", "タカシ", "マコト", "ケンジ", "ダイスケ", "ショウタ", "ユウキ", "タロウ", "カズヤ", "リョウ",
        "ショウ", "ユウト", "ハルト", "ソウタ", "ミナト", "イチロウ", "ジュンイチ", "コウジ", "シュウヘイ", "キョウスケ",
    ];

    public static readonly string[] FemaleGivenNames =
    [
        "ヨウコ", "ケイコ", "ユウコ", "アキコ", "マユミ", "ヨシコ", "サクラ", "ミサキ", "ハルカ", "アヤカ",
        "ユイ", "ヒナ", "メイ", "リコ", "ユウナ", "キョウコ", "ショウコ", "チヒロ", "ナナミ", "エミ",
    ];
}
