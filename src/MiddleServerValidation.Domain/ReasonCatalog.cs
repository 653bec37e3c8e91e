namespace MiddleServerValidation.Domain;

/// <summary>
/// What each reason code means for the outcome (design.md, "Reason codes") and the default Japanese text
/// sent to the insurer. The texts speak only about the insurer's own record: never about another insurer,
/// nor the name or birthdate registered there.
/// </summary>
public static class ReasonCatalog
{
    public static Outcome OutcomeOf(ReasonCode code) => code switch
    {
        ReasonCode.FieldMissing or ReasonCode.FieldInvalid or ReasonCode.PersonalNumberFormat
            or ReasonCode.PersonalNumberCheckDigit or ReasonCode.BirthDateInvalid or ReasonCode.KanaNameInvalid
            or ReasonCode.InsurerNumberInvalid or ReasonCode.CardNumberInvalidCharacter
            or ReasonCode.OperationInvalid or ReasonCode.RecordNotFound or ReasonCode.RecordWithdrawn or ReasonCode.NotSuspected
            or ReasonCode.OperationRepeated => Outcome.Rejected,
        ReasonCode.BirthDateMismatch or ReasonCode.KanaNameMismatch or ReasonCode.SexMismatch
            or ReasonCode.JlisNotFound or ReasonCode.JlisMismatch or ReasonCode.ReviewConfirmedError
            or ReasonCode.JlisKanjiNameMismatch or ReasonCode.JlisKanaNameMismatch
            or ReasonCode.JlisBirthDateMismatch or ReasonCode.JlisSexMismatch => Outcome.Suspected,
        // A moved address is common: alone it asks the insurer to confirm the current address, it does not hold the record.
        ReasonCode.HistoryMatch or ReasonCode.JlisConfirmed
            or ReasonCode.PersonalNumberMissing or ReasonCode.CardInfoMissing
            or ReasonCode.JlisAddressMismatch or ReasonCode.CharacterLost
            or ReasonCode.PersonalNumberFound or ReasonCode.NumberSearchNoResident or ReasonCode.NumberSearchSeveralResidents
            or ReasonCode.NumberSearchPartialMatch or ReasonCode.NumberSearchUnavailable => Outcome.Accepted,
        ReasonCode.JlisUnavailable => Outcome.Pending,
        ReasonCode.Withdrawn => Outcome.Withdrawn,
        ReasonCode.AnsweredNoError => Outcome.Answered,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown reason code."),
    };

    public static string MessageOf(ReasonCode code) => code switch
    {
        ReasonCode.FieldMissing => "必須項目が指定されていません。",
        ReasonCode.FieldInvalid => "項目の形式が正しくありません。",
        ReasonCode.PersonalNumberFormat => "個人番号は12桁の数字で指定してください。",
        ReasonCode.PersonalNumberCheckDigit =>
            "個人番号の検査用数字（12桁目）が一致しません。個人番号に誤りがないか確認してください。",
        ReasonCode.BirthDateInvalid => "生年月日が正しくありません。",
        ReasonCode.KanaNameInvalid =>
            "カナ氏名が正しくありません。カタカナまたはひらがなで、姓と名の間に空白を1つ入れて指定してください。",
        ReasonCode.InsurerNumberInvalid => "保険者番号が正しくありません。検証番号を含む6桁または8桁の番号を指定してください。",
        ReasonCode.CardNumberInvalidCharacter =>
            "被保険者証の記号・番号・枝番に使用できない文字が含まれています。"
            + "「●」は旧システムで保存できなかった文字の代わりに入ったものです。正しい文字で再登録してください。",
        ReasonCode.BirthDateMismatch =>
            "この個人番号は別の生年月日で既に登録されています。個人番号に誤りがないか、本人に確認してください。",
        ReasonCode.KanaNameMismatch =>
            "この個人番号は同じ生年月日の別の氏名で既に登録されています。双子などの取り違えがないか、本人に確認してください。",
        ReasonCode.SexMismatch =>
            "この個人番号は同じ生年月日・氏名で既に登録されていますが、性別が一致しません。性別と個人番号に誤りがないか、本人に確認してください。",
        ReasonCode.JlisNotFound =>
            "住民基本台帳（J-LIS）にこの個人番号の住民が見つかりません。個人番号に誤りがないか、本人に確認してください。",
        ReasonCode.JlisMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報と一致しません。個人番号と本人情報に誤りがないか、本人に確認してください。",
        ReasonCode.HistoryMatch => "既存の登録内容と一致しました。",
        ReasonCode.JlisConfirmed => "住民基本台帳（J-LIS）の本人確認情報と一致しました。",
        ReasonCode.PersonalNumberMissing => "個人番号が未登録です。取得しだい登録してください。",
        ReasonCode.CardInfoMissing => "被保険者証の記号・番号が未登録です。登録してください。",
        ReasonCode.JlisUnavailable =>
            "住民基本台帳（J-LIS）に照会できなかったため、判定を保留しています。照会でき次第、結果をお知らせします。",
        ReasonCode.ReviewConfirmedError =>
            "審査の結果、この登録は誤登録と確認されました。個人番号と本人情報を本人に確認のうえ、登録を訂正してください。",
        ReasonCode.OperationInvalid => "操作の指定が正しくありません。この操作は適用していません。",
        ReasonCode.RecordNotFound =>
            "この登録IDの登録が見つかりません。訂正・削除・回答は、自保険者が登録済みの登録IDに対してだけ行えます（この操作は適用していません）。",
        ReasonCode.RecordWithdrawn => "この登録は削除済みのため、訂正・回答できません。必要な場合は新しい登録IDで登録してください。",
        ReasonCode.OperationRepeated => "この操作は既に適用済みです（同じ操作ID、または同じ内容の操作）。再度は適用していません。",
        ReasonCode.NotSuspected =>
            "この登録には未解決の疑い（Suspected）がないため、理由付き疑いなしの回答は受け付けられません（この操作は適用していません）。",
        ReasonCode.Withdrawn => "登録を削除しました。この登録は利用されず、以後の照合の対象にもなりません。",
        ReasonCode.AnsweredNoError => "理由付き疑いなしの回答を受け付けました。この登録の疑いを解消し、閲覧停止を解除しました。",
        ReasonCode.JlisKanjiNameMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報と漢字氏名が一致しません（髙と高などの異体字は同じ文字として照合しています）。"
            + "個人番号と氏名に誤りがないか、本人に確認してください。",
        ReasonCode.JlisKanaNameMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報とカナ氏名が一致しません。個人番号と氏名の読みに誤りがないか、本人に確認してください。",
        ReasonCode.JlisBirthDateMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報と生年月日が一致しません。個人番号に誤りがないか、本人に確認してください。",
        ReasonCode.JlisSexMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報と性別が一致しません。性別と個人番号に誤りがないか、本人に確認してください。",
        ReasonCode.JlisAddressMismatch =>
            "住民基本台帳（J-LIS）の本人確認情報と住所が一致しません。転居などで住所が変わっていないか本人に確認し、現住所を登録してください。",
        ReasonCode.CharacterLost =>
            "「●」など保存できなかった文字の代わりが含まれているため、住民基本台帳（J-LIS）と照合できませんでした。"
            + "正しい文字で再登録してください。",
        ReasonCode.PersonalNumberFound =>
            "住民基本台帳（J-LIS）を本人情報で照会し、送信された5つの本人情報（漢字氏名・カナ氏名・生年月日・性別・住所）がすべて一致する住民が1人見つかりました。"
            + "個人番号は登録照会APIで1回だけ取得できます。本人に確認のうえ、訂正で個人番号を登録してください。",
        ReasonCode.NumberSearchNoResident =>
            "住民基本台帳（J-LIS）を本人情報で照会しましたが、該当する住民が見つかりませんでした。本人情報に誤りがないか確認してください。",
        ReasonCode.NumberSearchSeveralResidents =>
            "住民基本台帳（J-LIS）を本人情報で照会したところ、該当する住民が複数いたため、個人番号を特定できませんでした。本人に個人番号を確認してください。",
        ReasonCode.NumberSearchPartialMatch =>
            "住民基本台帳（J-LIS）を本人情報で照会しましたが、5つの本人情報すべての一致を確認できなかったため、個人番号を特定できませんでした。"
            + "漢字氏名と住所を含めて本人情報を確認してください。",
        ReasonCode.NumberSearchUnavailable =>
            "住民基本台帳（J-LIS）に照会できなかったため、個人番号を検索できませんでした。訂正で登録し直すと改めて照会します。",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown reason code."),
    };

    /// <summary>
    /// How strongly the reason suggests a wrong person (<see cref="MismatchWeight"/>). A decision may weigh several
    /// mismatches together; an address alone (<see cref="MismatchWeight.Low"/>) never counts like a birthdate.
    /// </summary>
    public static MismatchWeight WeightOf(ReasonCode code) => code switch
    {
        ReasonCode.BirthDateMismatch or ReasonCode.SexMismatch or ReasonCode.JlisNotFound or ReasonCode.JlisMismatch
            or ReasonCode.JlisKanjiNameMismatch or ReasonCode.JlisBirthDateMismatch or ReasonCode.JlisSexMismatch => MismatchWeight.High,
        ReasonCode.KanaNameMismatch or ReasonCode.JlisKanaNameMismatch => MismatchWeight.Medium,
        ReasonCode.JlisAddressMismatch => MismatchWeight.Low,
        _ when Enum.IsDefined(code) => MismatchWeight.None,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown reason code."),
    };

    /// <summary>
    /// The outcome of several reasons together: the most severe wins, so a warning such as
    /// <see cref="ReasonCode.CardInfoMissing"/> never turns a Suspected or Pending record into an Accepted one.
    /// </summary>
    public static Outcome CombinedOutcome(IEnumerable<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var worst = Outcome.Accepted;
        foreach (var reason in reasons)
        {
            var outcome = OutcomeOf(reason.Code);
            if (Severity(outcome) > Severity(worst))
            {
                worst = outcome;
            }
        }

        return worst;
    }

    private static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Accepted => 0,
        Outcome.Pending => 1,
        Outcome.Suspected => 2,
        Outcome.Rejected => 3,
        // Answers to operations: they never stand among a decision's reasons.
        Outcome.Withdrawn or Outcome.Answered => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };
}
