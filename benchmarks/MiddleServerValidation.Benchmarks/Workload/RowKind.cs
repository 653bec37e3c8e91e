namespace MiddleServerValidation.Benchmarks.Workload;

/// <summary>What a generated row is meant to be, and so which outcome the service should give it.</summary>
public enum RowKind
{
    HistoryMatch,
    NewConfirmed,
    NewNotFound,
    NewMismatch,
    CheckDigit,
    NumberFormat,
    BirthDateInvalid,
    KanaInvalid,
    CardLostCharacter,
    FieldMissing,
    BirthDateMismatch,
    KanaMismatch,
}
