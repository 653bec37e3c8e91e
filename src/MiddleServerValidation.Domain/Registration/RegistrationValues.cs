using MiddleServerValidation.Domain.Cards;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// What the validator's rules read from a registration's fields, each field read once: the reader builds the
/// candidate from these values instead of reading the text again. A field with a problem keeps its default.
/// </summary>
internal sealed class RegistrationValues
{
    /// <summary>Where the validator finds this object in its context's root data.</summary>
    public const string ContextKey = nameof(RegistrationValues);

    public string? RegistrationId { get; set; }
    public string? InsurerNumber { get; set; }
    public PersonalNumber? PersonalNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public KanaName? KanaName { get; set; }
    public Sex? Sex { get; set; }
    public CardValues Card { get; set; } = CardValues.None;
    public DateOnly? QualificationDate { get; set; }
    public string? BatchId { get; set; }
    public string? KanjiName { get; set; }
    public string? Address { get; set; }

    /// <summary>The candidate; only called once validation passed, so every required value is present.</summary>
    public Candidate ToCandidate() => new(
        InsurerNumber: InsurerNumber!,
        RegistrationId: RegistrationId!,
        BatchId: BatchId,
        PersonalNumber: PersonalNumber,
        BirthDate: BirthDate!.Value,
        KanaName: KanaName!,
        Sex: Sex,
        CardSymbol: Card.Symbol,
        CardNumber: Card.Number,
        BranchNumber: Card.Branch,
        QualificationDate: QualificationDate,
        KanjiName: KanjiName,
        Address: Address);
}
