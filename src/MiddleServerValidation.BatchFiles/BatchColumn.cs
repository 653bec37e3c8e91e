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
}

public static class BatchColumns
{
    /// <summary>Header names, indexed by <see cref="BatchColumn"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "registration_id", "insurer_number", "personal_number", "birth_date", "kana_name",
        "sex", "card_symbol", "card_number", "branch_number", "qualification_date",
    ];

    /// <summary>The header line as the contract writes it.</summary>
    public static string HeaderLine { get; } = string.Join(',', Names);

    public static int Count => Names.Count;

    public static string NameOf(BatchColumn column) => Names[(int)column];

    /// <summary>insurer_number may be left out: the rows are then the authenticated insurer's.</summary>
    public static bool IsOptional(BatchColumn column) => column == BatchColumn.InsurerNumber;
}
