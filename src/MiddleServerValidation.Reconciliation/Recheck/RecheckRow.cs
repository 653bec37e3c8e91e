using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>A stored Accepted or Suspected registration of a number being re-checked, as the rules need it.</summary>
internal sealed record RecheckRow(
    byte[] NumberKey,
    Guid Id,
    string InsurerNumber,
    string RegistrationId,
    string? BatchId,
    byte[] NumberCipher,
    DateOnly BirthDate,
    string KanaName,
    Sex? Sex,
    string? CardSymbol,
    string? CardNumber,
    string? BranchNumber,
    DateOnly? QualificationDate,
    Outcome Outcome,
    string? ResidentAnswerJson)
{
    public EarlierRegistration AsEarlier() => new(Id, InsurerNumber, BirthDate, KanaName, Sex);
}

/// <summary>The registrations of one personal number, in the order they were decided.</summary>
internal sealed record RecheckGroup(byte[] NumberKey, IReadOnlyList<RecheckRow> Rows);
