using MiddleServerValidation.Domain.Cards;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// A registration that passed validation, in normalised form: what the cross-checks compare.
/// Its <c>ToString()</c> shows the personal number masked (see <see cref="PersonalNumbers.PersonalNumber"/>).
/// </summary>
public sealed record Candidate(
    string InsurerNumber,
    string RegistrationId,
    string? BatchId,
    PersonalNumber? PersonalNumber,
    DateOnly BirthDate,
    KanaName KanaName,
    Sex? Sex,
    string? CardSymbol,
    string? CardNumber,
    string? BranchNumber,
    DateOnly? QualificationDate)
{
    public bool HasCardInfo => CardFields.HasCardInfo(CardNumber);
}
