namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>Why staff found no error (理由付き疑いなし): a category to choose, always with a written reason.</summary>
public static class DismissalReasons
{
    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        ("VerifiedTwins", "双子であることを本人確認で確認済み"),
        ("NameChangeConfirmed", "本人確認により氏名変更を確認"),
        ("BirthDateCorrectionConfirmed", "本人確認により生年月日の訂正を確認"),
        ("SamePersonConfirmed", "本人確認により同一人物と確認（表記ゆれ等）"),
        ("JlisRecheckConfirmed", "住基ネット再照会で本人確認情報と一致"),
        ("Other", "その他（理由欄に記載）"),
    ];

    public static bool IsKnown(string? key) => All.Any(r => r.Key == key);

    public static string Label(string? key) => All.FirstOrDefault(r => r.Key == key).Label ?? key ?? "";
}
