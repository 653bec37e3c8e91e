using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Reconciliation.Snapshots;

/// <summary>The figures recorded per insurer each day, in report order, with their Japanese labels.</summary>
public static class DataQualityKpis
{
    public const string Registrations = "registrations";
    public const string OpenCases = "open_cases";
    public const string PendingLookups = "pending_jlis";
    public const string CardLostCharacter = "card_lost_character";
    public const string CardInfoMissing = "card_info_missing";
    public const string PersonalNumberMissing = "personal_number_missing";
    private const string SuspectedPrefix = "suspected.";

    /// <summary>
    /// The codes the cross-check rules raise findings with, one figure each. Listed rather than taken from every
    /// Suspected reason code: a code that only labels a notice (not a finding) would be a figure forever zero.
    /// </summary>
    public static IReadOnlyList<ReasonCode> SuspectedCodes { get; } =
    [
        ReasonCode.BirthDateMismatch, ReasonCode.KanaNameMismatch, ReasonCode.SexMismatch, ReasonCode.JlisNotFound, ReasonCode.JlisMismatch,
    ];

    public static IReadOnlyList<string> All { get; } =
    [
        Registrations, .. SuspectedCodes.Select(Suspected), OpenCases, PendingLookups, CardLostCharacter, CardInfoMissing, PersonalNumberMissing,
    ];

    public static string Suspected(ReasonCode code) => SuspectedPrefix + code;

    public static string LabelOf(string kpi) => kpi switch
    {
        Registrations => "登録件数",
        OpenCases => "未処理の疑い案件",
        PendingLookups => "J-LIS照会の保留",
        CardLostCharacter => "記号・番号の「●」",
        CardInfoMissing => "被保険者証情報の未登録",
        PersonalNumberMissing => "個人番号の未登録",
        _ when kpi.StartsWith(SuspectedPrefix, StringComparison.Ordinal) => "誤登録疑い：" + SuspectedLabel(kpi[SuspectedPrefix.Length..]),
        _ => kpi,
    };

    private static string SuspectedLabel(string code) => code switch
    {
        nameof(ReasonCode.BirthDateMismatch) => "生年月日不一致",
        nameof(ReasonCode.KanaNameMismatch) => "氏名不一致（取り違え）",
        nameof(ReasonCode.SexMismatch) => "性別不一致",
        nameof(ReasonCode.JlisNotFound) => "J-LISに該当なし",
        nameof(ReasonCode.JlisMismatch) => "J-LISと不一致",
        _ => code,
    };
}
