using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence.Findings;

namespace MiddleServerValidation.Reconciliation.Corrections;

/// <summary>What an insurer has to correct, in the words of its correction file.</summary>
internal static class CorrectionTexts
{
    public static string Of(ReasonCode code, string? findingStatus) => code switch
    {
        ReasonCode.CardNumberInvalidCharacter =>
            "被保険者証の記号・番号・枝番に「●」（旧システムで保存できなかった文字）が含まれています。正しい文字で登録し直してください。",
        ReasonCode.CardInfoMissing => "被保険者証の記号・番号が未登録です。登録してください。",
        ReasonCode.PersonalNumberMissing => "個人番号が未登録です。取得しだい登録してください。",
        ReasonCode.PersonalNumberFound =>
            "個人番号が未登録です。住民基本台帳（J-LIS）の照会で個人番号が見つかっています。登録照会APIで取得するか、本人に確認のうえ訂正で登録してください。",
        _ => (findingStatus == FindingStatuses.Confirmed ? "【誤り確定】" : "【確認中】") + ReasonCatalog.MessageOf(code),
    };

    /// <summary>All but the last four characters hidden; the stored value may be one a rejected record was sent with.</summary>
    public static string Mask(string? personalNumber) => personalNumber switch
    {
        null or "" => "（未登録）",
        { Length: < 4 } => "****",
        _ => string.Concat("********", personalNumber.AsSpan(personalNumber.Length - 4)),
    };
}
