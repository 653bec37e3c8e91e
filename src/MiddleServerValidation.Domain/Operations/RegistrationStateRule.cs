using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Domain.Operations;

/// <summary>
/// The one rule of a registration version's usability (閲覧停止): what its outcome, its open findings and its withdrawal
/// make of it. Every writer asks this rule; nothing else decides a state.
/// </summary>
public static class RegistrationStateRule
{
    /// <param name="openFindings">Findings of the version still open or confirmed by staff (not closed by anyone).</param>
    public static string Of(Outcome outcome, int openFindings, bool withdrawn, bool superseded) =>
        superseded ? RegistrationStates.Superseded
        : withdrawn ? RegistrationStates.Withdrawn
        : outcome switch
        {
            Outcome.Rejected => RegistrationStates.Rejected,
            Outcome.Pending => RegistrationStates.Held,
            // A Suspected record stays held until every finding is closed: corrected, withdrawn, answered or dismissed.
            Outcome.Suspected => openFindings > 0 ? RegistrationStates.Held : RegistrationStates.Usable,
            _ => openFindings > 0 ? RegistrationStates.Held : RegistrationStates.Usable,
        };
}
