namespace MiddleServerValidation.Processing.Batches;

/// <summary>A batch file's row as uploaded (<c>batch_rows</c>): the fields as text, the personal number, kanji name and address encrypted.</summary>
internal sealed record StagedRow(
    int RowNo,
    int LineNo,
    string? RegistrationId,
    string? InsurerNumber,
    byte[]? PersonalNumberCipher,
    string? BirthDate,
    string? KanaName,
    string? Sex,
    string? CardSymbol,
    string? CardNumber,
    string? BranchNumber,
    string? QualificationDate,
    string? Problem,
    string? Operation = null,
    string? OperationId = null,
    string? OperationReason = null,
    string? OperationNote = null,
    byte[]? KanjiNameCipher = null,
    byte[]? AddressCipher = null);
