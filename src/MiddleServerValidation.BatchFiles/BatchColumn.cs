namespace MiddleServerValidation.BatchFiles;

/// <summary>The columns of a registration batch file, in the contract's order (design.md, "Batch files in").</summary>
public enum BatchColumn
{
    RegistrationId,
    InsurerNumber,
    PersonalNumber,
    BirthDate,
    KanaName,
    Sex,
    CardSymbol,
    CardNumber,
    BranchNumber,
    QualificationDate,

    // Optional: a row with an operation corrects, withdraws or answers a record registered before.
    Operation,
    OperationId,
    OperationReason,
    OperationNote,

    // Optional: the facts J-LIS compares besides the required ones (personal data: encrypted when staged and stored).
    KanjiName,
    Address,
}

public static class BatchColumns
{
    /// <summary>Header names, indexed by <see cref="BatchColumn"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "registration_id", "insurer_number", "personal_number", "birth_date", "kana_name",
        "sex", "card_symbol", "card_number", "branch_number", "qualification_date",
        "operation", "operation_id", "operation_reason", "operation_note",
        "kanji_name", "address",
    ];

    /// <summary>The header line of a file of registrations, as the contract writes it.</summary>
    public static string HeaderLine { get; } = string.Join(',', Names.Take((int)BatchColumn.Operation));

    /// <summary>The header line with the operation columns, for a file that also corrects, withdraws or answers.</summary>
    public static string HeaderLineWithOperations { get; } = string.Join(',', Names.Take((int)BatchColumn.KanjiName));

    /// <summary>Every column a file may have: the operation columns, 漢字氏名 and 住所 included.</summary>
    public static string HeaderLineWithAll { get; } = string.Join(',', Names);

    public static int Count => Names.Count;

    public static string NameOf(BatchColumn column) => Names[(int)column];

    /// <summary>
    /// insurer_number may be left out (the rows are then the authenticated insurer's), and so may the operation columns
    /// (every row is then a registration), kanji_name and address (not sent: J-LIS compares the other facts).
    /// </summary>
    public static bool IsOptional(BatchColumn column) => column is BatchColumn.InsurerNumber or >= BatchColumn.Operation;
}
