using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Review;

namespace MiddleServerValidation.Web.Review.Display;

/// <summary>The Japanese words staff see for the codes the service stores.</summary>
public static class Labels
{
    public static readonly IReadOnlyList<string> FindingCodes =
    [
        nameof(ReasonCode.BirthDateMismatch), nameof(ReasonCode.KanaNameMismatch),
        nameof(ReasonCode.JlisNotFound), nameof(ReasonCode.JlisMismatch),
    ];

    public static readonly IReadOnlyList<string> Statuses =
    [
        FindingStatuses.Open, FindingStatuses.Confirmed, FindingStatuses.Dismissed,
        FindingStatuses.Corrected, FindingStatuses.Withdrawn, FindingStatuses.Answered,
    ];

    public static string Code(string code) => code switch
    {
        nameof(ReasonCode.BirthDateMismatch) => "個人番号誤登録疑い（生年月日不一致）",
        nameof(ReasonCode.KanaNameMismatch) => "取り違え疑い（氏名不一致・双子など）",
        nameof(ReasonCode.JlisNotFound) => "住基ネットに該当者なし",
        nameof(ReasonCode.JlisMismatch) => "住基ネットの本人確認情報と不一致",
        nameof(ReasonCode.ReviewConfirmedError) => "審査により誤登録と確認",
        _ => code,
    };

    /// <summary>The reason text the insurer was sent for this code (ReasonCatalog), or empty for an unknown code.</summary>
    public static string ReasonText(string code) =>
        Enum.TryParse<ReasonCode>(code, out var known) ? ReasonCatalog.MessageOf(known) : string.Empty;

    public static string Rule(string ruleId) => ruleId switch
    {
        RuleIds.HistoryBirthDate => "既存登録との照合：同じ個人番号で生年月日が異なる",
        RuleIds.HistoryGivenName => "既存登録との照合：同じ個人番号・生年月日で名が異なる",
        RuleIds.HistoryNameSplit => "既存登録との照合：氏名が異なり、姓名の区切りがないため姓・名を判別できない",
        RuleIds.HistorySurnameJlis => "既存登録との照合：姓のみ異なり、住基ネットで姓の変更を確認できない",
        RuleIds.JlisNotFound => "住基ネット照会：該当する住民なし",
        RuleIds.JlisMismatch => "住基ネット照会：本人確認情報と不一致",
        _ => ruleId,
    };

    public static string Status(string status) => status switch
    {
        FindingStatuses.Open => "未処理",
        FindingStatuses.Confirmed => "誤り確定",
        FindingStatuses.Dismissed => "理由付き疑いなし",
        FindingStatuses.Corrected => "保険者が訂正",
        FindingStatuses.Withdrawn => "保険者が削除",
        FindingStatuses.Answered => "保険者が疑いなしと回答",
        _ => status,
    };

    /// <summary>Who acted: a member of staff by name, an insurer by its number.</summary>
    public static string Actor(string actor) =>
        actor.StartsWith("insurer:", StringComparison.Ordinal) ? $"保険者 {actor["insurer:".Length..]}" : actor;

    public static string Outcome(string outcome) => outcome switch
    {
        nameof(Domain.Outcome.Accepted) => "受理",
        nameof(Domain.Outcome.Rejected) => "不備により却下",
        nameof(Domain.Outcome.Suspected) => "誤登録の疑い",
        nameof(Domain.Outcome.Pending) => "判定保留（J-LIS照会待ち）",
        _ => outcome,
    };

    public static string Field(string field) => field switch
    {
        FieldNames.BirthDate => "生年月日",
        FieldNames.KanaName => "カナ氏名",
        FieldNames.Sex => "性別",
        FieldNames.PersonalNumber => "個人番号",
        FieldNames.CardNumber => "被保険者証番号",
        _ => field,
    };

    public static string Sex(short? sex) => sex switch
    {
        1 => "男",
        2 => "女",
        null => "—",
        _ => "不明",
    };

    public static string Sex(string? code) => code switch
    {
        "1" => "男",
        "2" => "女",
        null or "" => "—",
        _ => "不明",
    };

    public static string CaseEvent(string kind) => kind switch
    {
        CaseEventKinds.Assigned => "担当者設定",
        CaseEventKinds.Confirmed => "誤り確定（保険者へ訂正依頼を通知）",
        CaseEventKinds.Dismissed => "理由付き疑いなし",
        CaseEventKinds.Reopened => "再開",
        CaseEventKinds.InsurerCorrected => "保険者が登録を訂正（新しい版で再照合）",
        CaseEventKinds.InsurerWithdrew => "保険者が登録を削除",
        CaseEventKinds.InsurerAnswered => "保険者が理由付き疑いなしと回答",
        _ => kind,
    };

    public static string AuditAction(string action) => action switch
    {
        AuditActions.ViewCase => "案件の閲覧",
        AuditActions.Unmask => "個人番号のマスク解除",
        AuditActions.UnmaskDenied => "マスク解除の拒否（権限なし）",
        AuditActions.Assign => "担当者設定",
        AuditActions.Confirm => "誤り確定",
        AuditActions.Dismiss => "理由付き疑いなし",
        AuditActions.Reopen => "再開",
        AuditActions.SignIn => "サインイン",
        AuditActions.SignInFailed => "サインイン失敗",
        AuditActions.SignInThrottled => "サインイン停止中の試行",
        AuditActions.SignOut => "サインアウト",
        AuditActions.ExportAuditLog => "監査ログのCSV出力",
        AuditActions.ViewDataQualityReport => "データ品質レポートの閲覧",
        AuditActions.ExportDataQualityCsv => "データ品質レポートのCSV出力",
        AuditActions.DownloadCorrectionFile => "要修正リストのダウンロード",
        AuditActions.RetrieveFoundNumber => "照会で見つかった個人番号の取得（保険者）",
        _ => action,
    };
}
