using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// What makes a finding the same case (the contract with the review console): its registration, its code and
/// the set of earlier registrations it conflicts with. A finding with an existing identity is never raised again,
/// whatever that one's status: an Open one stays one case, a Dismissed one (理由付き疑いなし) stays decided.
/// </summary>
internal sealed record FindingIdentity(Guid RegistrationId, string Code, string ConflictingIds)
{
    public static FindingIdentity Of(Guid registrationId, string code, IEnumerable<Guid> conflicting) =>
        new(registrationId, code, string.Join(",", conflicting.Order()));

    public static FindingIdentity Of(Guid registrationId, Finding finding) =>
        Of(registrationId, finding.Code.ToString(), finding.ConflictingRegistrationIds);
}

/// <summary>A finding already stored for one of the registrations being re-checked.</summary>
internal sealed record StoredFindingRef(FindingIdentity Identity, string Status, string RuleId, string InsurerNumber);
