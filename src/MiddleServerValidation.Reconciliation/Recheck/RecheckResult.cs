using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>What deciding a batch of numbers found: the new findings to write, and every identity raised.</summary>
internal sealed class RecheckResult
{
    public List<NewFinding> New { get; } = [];

    /// <summary>Every finding the rules raised, stored or not, with the insurer of its registration.</summary>
    public Dictionary<FindingIdentity, string> Raised { get; } = [];

    /// <summary>Stored open cases of history rules that the rules no longer raise.</summary>
    public List<StoredFindingRef> NoLongerRaised { get; } = [];
}

/// <param name="TurnsSuspected">The registration was Accepted until this finding.</param>
internal sealed record NewFinding(
    RecheckRow Row, FindingIdentity Identity, Finding Finding, Decision Decision, string PersonalNumberMasked, bool TurnsSuspected);
