namespace MiddleServerValidation.Domain;

/// <summary>
/// The published reason codes of the external contract (design.md), plus <see cref="FieldInvalid"/>,
/// <see cref="ReviewConfirmedError"/>, and the J-LIS five-fact codes (one per fact, and <see cref="CharacterLost"/>).
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

    /// <summary>An operation's own fields are wrong (unknown operation, reason or a missing note): nothing is changed.</summary>
    OperationInvalid,

    /// <summary>The insurer has no registration with this id: nothing is changed.</summary>
    RecordNotFound,

    /// <summary>The registration was withdrawn: it can no longer be corrected or answered.</summary>
    RecordWithdrawn,

    /// <summary>The same operation (its id, or the same content) was already applied: it is not applied again.</summary>
    OperationRepeated,

    /// <summary>An answer for a record with no open finding (it is not Suspected, or was already resolved).</summary>
    NotSuspected,

    /// <summary>The record is withdrawn, as asked.</summary>
    Withdrawn,

    /// <summary>The insurer's 理由付き疑いなし is recorded; the record's findings are closed and it is released.</summary>
    AnsweredNoError,

    /// <summary>J-LIS holds another 漢字氏名 for the number, after the 異体字 fold (髙/高 are the same).</summary>
    JlisKanjiNameMismatch,

    /// <summary>J-LIS holds another カナ氏名 for the number (weaker: kana is certified only since 2025-05-26).</summary>
    JlisKanaNameMismatch,

    /// <summary>J-LIS holds another 生年月日 for the number.</summary>
    JlisBirthDateMismatch,

    /// <summary>J-LIS holds another 性別 for the number.</summary>
    JlisSexMismatch,

    /// <summary>J-LIS holds another 住所 for the number: most often a move, so a warning, not a suspicion.</summary>
    JlisAddressMismatch,

    /// <summary>The insurer's kanji name or address holds ● or another lost character: it cannot be checked (warning).</summary>
    CharacterLost,

    /// <summary>
    /// A registration without a personal number: J-LIS's search by the basic four facts found exactly one resident, and
    /// all five facts the insurer sent agree with it. The notice shows the number masked; the insurer obtains it once
    /// through its API key (<c>POST /api/v1/registrations/{id}/found-number</c>) or registers it by a correction.
    /// </summary>
    PersonalNumberFound,

    /// <summary>The search by the basic four facts found no resident: the record stays without a number.</summary>
    NumberSearchNoResident,

    /// <summary>The search found several residents: no number is taken, never a guess.</summary>
    NumberSearchSeveralResidents,

    /// <summary>
    /// The search found one resident, but not every one of the five facts is confirmed (one differs, or the insurer did
    /// not send it, or it holds ●): a three-fact match is what linked wrong people, so no number is taken.
    /// </summary>
    NumberSearchPartialMatch,

    /// <summary>J-LIS could not be searched: the record stays without a number; a correction asks again.</summary>
    NumberSearchUnavailable,
}
