using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// A registration with no valid insurer number or registration id: no insurer queue to answer and no
/// key to store it under, so the message goes to the error queue with this cause. Never retried.
/// </summary>
public sealed class UnaddressableRegistrationException(IReadOnlyList<Reason> problems)
    : Exception("宛先を特定できない登録です（保険者番号または登録IDが不正）: " +
        string.Join("; ", problems.Select(p => $"{p.Field}: {p.Code} {p.Message}")))
{
    public IReadOnlyList<Reason> Problems { get; } = problems;
}
