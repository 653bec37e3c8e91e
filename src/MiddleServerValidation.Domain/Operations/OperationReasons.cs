using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Domain.Operations;

/// <summary>
/// The reasons an operation gives, with their Japanese labels: why a record is withdrawn, and why there is no error
/// (理由付き疑いなし) — the latter the same for an insurer's answer and a member of staff's dismissal.
/// </summary>
public static class OperationReasons
{
    public static readonly IReadOnlyList<(string Key, string Label)> Withdrawal =
    [
        (RegistrationOperations.WithdrawalReasons.Misregistration, "誤登録"),
        (RegistrationOperations.WithdrawalReasons.QualificationLost, "資格喪失"),
        (RegistrationOperations.WithdrawalReasons.Duplicate, "重複登録"),
        (RegistrationOperations.WithdrawalReasons.Other, "その他（理由欄に記載）"),
    ];

    public static readonly IReadOnlyList<(string Key, string Label)> NoError =
    [
        (RegistrationOperations.AnswerReasons.VerifiedTwins, "双子であることを本人確認で確認済み"),
        (RegistrationOperations.AnswerReasons.NameChangeConfirmed, "本人確認により氏名変更を確認"),
        (RegistrationOperations.AnswerReasons.BirthDateCorrectionConfirmed, "本人確認により生年月日の訂正を確認"),
        (RegistrationOperations.AnswerReasons.SamePersonConfirmed, "本人確認により同一人物と確認（表記ゆれ等）"),
        (RegistrationOperations.AnswerReasons.JlisRecheckConfirmed, "住基ネット再照会で本人確認情報と一致"),
        (RegistrationOperations.AnswerReasons.Other, "その他（理由欄に記載）"),
    ];

    /// <summary>The label of a reason of either list; the key itself when unknown.</summary>
    public static string Label(string? key) =>
        Withdrawal.Concat(NoError).FirstOrDefault(r => r.Key == key).Label ?? key ?? "";

    /// <summary>The key of <paramref name="list"/> named by its key or its label (a file may carry either), or null.</summary>
    public static string? Find(IReadOnlyList<(string Key, string Label)> list, string value) =>
        list.FirstOrDefault(r => string.Equals(r.Key, value, StringComparison.OrdinalIgnoreCase) || r.Label == value || r.Label.StartsWith(value + "（", StringComparison.Ordinal)).Key;
}
