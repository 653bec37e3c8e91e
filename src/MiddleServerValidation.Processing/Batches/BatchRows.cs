using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence.PersonalData;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Turns a staged row into the message the registration path reads, or rejects it first when it cannot be one:
/// a row whose columns do not match the header, or one that names another insurer (a caller registers only
/// for itself). Such rows are never stored, so they use up no registration id.
/// </summary>
internal static class BatchRows
{
    /// <summary>
    /// The row as its registration (the personal number decrypted in memory only; it is stored with the staged
    /// ciphertext), or null with the result when its columns do not match the header.
    /// </summary>
    public static RegisterEnrollee? Read(StagedRow row, BatchClaim claim, PersonalNumberProtector protector, out BatchRowResult? rejected)
    {
        rejected = null;
        if (row.Problem is { } problem)
        {
            rejected = BatchRowResult.Rejected(row, [new Reason(ReasonCode.FieldInvalid, null, problem)]);
            return null;
        }

        return new RegisterEnrollee
        {
            RegistrationId = row.RegistrationId,
            InsurerNumber = string.IsNullOrWhiteSpace(row.InsurerNumber) ? claim.InsurerNumber : row.InsurerNumber,
            PersonalNumber = row.PersonalNumberCipher is { } cipher ? protector.Decrypt(cipher, StagedBinding(row, claim)) : null,
            BirthDate = row.BirthDate,
            KanaName = row.KanaName,
            Sex = row.Sex,
            CardSymbol = row.CardSymbol,
            CardNumber = row.CardNumber,
            BranchNumber = row.BranchNumber,
            QualificationDate = row.QualificationDate,
            BatchId = claim.BatchId.ToString(),
            Operation = row.Operation,
            OperationId = row.OperationId,
            OperationReason = row.OperationReason,
            OperationNote = row.OperationNote,
            KanjiName = Open(row.KanjiNameCipher, row, claim, FactFields.KanjiName, protector),
            Address = Open(row.AddressCipher, row, claim, FactFields.Address, protector),
        };
    }

    private static string? Open(byte[]? cipher, StagedRow row, BatchClaim claim, string field, PersonalNumberProtector protector) =>
        cipher is null ? null
            : protector.Decrypt(cipher, PersonalDataBinding.RegistrationField(claim.InsurerNumber, row.RegistrationId?.Trim() ?? string.Empty, field));

    /// <summary>What a staged row's number is bound to: the record it will be stored as, so its ciphertext is stored as it is.</summary>
    public static PersonalDataBinding StagedBinding(StagedRow row, BatchClaim claim) =>
        PersonalDataBinding.Registration(claim.InsurerNumber, row.RegistrationId?.Trim() ?? string.Empty);

    public static Reason Duplicate(bool withinFile) => new(ReasonCode.FieldInvalid, FieldNames.RegistrationId, withinFile
        ? "登録IDが、このファイルの先の行と重複しています。登録IDは行ごとに一意にしてください（この行は登録されていません）。"
        : "この登録IDは既に登録されています（以前の登録とその判定は変わりません）。訂正する場合は operation 列に correct（訂正）を指定してください。");

    public static Reason Unstorable { get; } = new(ReasonCode.FieldInvalid, null,
        "この行はデータベースに保存できない値を含むため処理できませんでした。値を確認して、新しい登録IDで登録してください。");
}
