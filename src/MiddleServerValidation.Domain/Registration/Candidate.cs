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
    DateOnly? QualificationDate,
    string? KanjiName = null,
    string? Address = null)
{
    /// <summary>The facts J-LIS compares (null: not sent, unknown).</summary>
    public IdentityFacts.PersonFacts Facts => new(KanjiName, KanaName.Normalized, BirthDate, Sex, Address);

    /// <summary>Names the record by key and masked number only: the facts are personal data.</summary>
    public override string ToString() =>
        $"{nameof(Candidate)} {{ InsurerNumber = {InsurerNumber}, RegistrationId = {RegistrationId}, PersonalNumber = {PersonalNumber} }}";

    public bool HasCardInfo => CardFields.HasCardInfo(CardNumber);
}
