namespace MiddleServerValidation.Domain;

/// <summary>
/// The published reason codes of the external contract (design.md), plus <see cref="FieldInvalid"/>
/// and <see cref="ReviewConfirmedError"/>.
/// The names are part of the contract: notices and result files carry them as text.
/// </summary>
public enum ReasonCode
{
    FieldMissing,

    /// <summary>A non-required field is present but malformed (too long, not 1/2, not a date).</summary>
    FieldInvalid,
    PersonalNumberFormat,
    PersonalNumberCheckDigit,
    BirthDateInvalid,
    KanaNameInvalid,
    InsurerNumberInvalid,
    CardNumberInvalidCharacter,
    BirthDateMismatch,
    KanaNameMismatch,
    JlisNotFound,
    JlisMismatch,
    HistoryMatch,
    JlisConfirmed,
    PersonalNumberMissing,
    CardInfoMissing,
    JlisUnavailable,

    /// <summary>Operations staff reviewed a Suspected record and confirmed the error: the insurer must correct it.</summary>
    ReviewConfirmedError,

    /// <summary>Same number, birthdate and name as an earlier registration, another sex (rule set 2026.12.1).</summary>
    SexMismatch,
}
