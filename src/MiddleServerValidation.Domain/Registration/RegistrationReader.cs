using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Cards;
using MiddleServerValidation.Domain.Dates;
using MiddleServerValidation.Domain.InsurerNumbers;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// The one seam every entry point (message, batch file, nightly re-check) reads registrations through.
/// Build it once and share it: the validator inside is immutable and thread-safe.
/// </summary>
public sealed class RegistrationReader(TimeProvider clock)
{
    private readonly RegisterEnrolleeValidator validator = new(clock);

    public RegistrationReadResult Read(RegisterEnrollee message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var validation = validator.Validate(message);
        if (!validation.IsValid)
        {
            var problems = validation.Errors.Select(failure => (Reason)failure.CustomState).ToArray();
            return new RegistrationReadResult(null, problems);
        }

        return new RegistrationReadResult(ToCandidate(message), []);
    }

    // Only called after validation passed, so every Value below is present; a failure here is a bug.
    private static Candidate ToCandidate(RegisterEnrollee message) => new(
        InsurerNumber: InsurerNumber.Parse(message.InsurerNumber).Value.Value,
        RegistrationId: message.RegistrationId!.Trim(),
        BatchId: RegistrationFields.Optional(message.BatchId),
        PersonalNumber: RegistrationFields.IsBlank(message.PersonalNumber) ? null : PersonalNumber.Parse(message.PersonalNumber).Value,
        BirthDate: JapaneseDate.Parse(message.BirthDate).Value,
        KanaName: KanaName.Parse(message.KanaName).Value,
        Sex: RegistrationFields.ReadSex(message.Sex),
        CardSymbol: RegistrationFields.Optional(message.CardSymbol),
        CardNumber: RegistrationFields.Optional(message.CardNumber),
        BranchNumber: CardFields.NormalizeBranch(message.BranchNumber),
        QualificationDate: RegistrationFields.IsBlank(message.QualificationDate)
            ? null
            : RegistrationFields.ReadQualificationDate(message.QualificationDate).Value);
}
