namespace MiddleServerValidation.Domain;

/// <summary>The contract's field names (camelCase JSON) as they appear in <see cref="Reason.Field"/>.</summary>
public static class FieldNames
{
    public const string RegistrationId = "registrationId";
    public const string InsurerNumber = "insurerNumber";
    public const string PersonalNumber = "personalNumber";
    public const string BirthDate = "birthDate";
    public const string KanaName = "kanaName";

    /// <summary>漢字氏名: optional, compared with J-LIS.</summary>
    public const string KanjiName = "kanjiName";

    public const string Sex = "sex";
    public const string CardSymbol = "cardSymbol";
    public const string CardNumber = "cardNumber";
    public const string BranchNumber = "branchNumber";
    public const string QualificationDate = "qualificationDate";

    /// <summary>住所: optional, compared with J-LIS.</summary>
    public const string Address = "address";

    public const string BatchId = "batchId";
    public const string Operation = "operation";
    public const string OperationId = "operationId";
    public const string OperationReason = "operationReason";
    public const string OperationNote = "operationNote";
}
