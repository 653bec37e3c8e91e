namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// A registration that did not come through an insurer's own exchange (<c>registrations.{insurer}</c>): nothing says
/// which insurer sent it, so it is not decided. It goes to the error queue with this cause. Never retried.
/// </summary>
public sealed class UnauthenticatedRegistrationException(string? exchange)
    : Exception($"送信元の保険者を特定できない登録です（交換機「{(string.IsNullOrEmpty(exchange) ? "（既定）" : exchange)}」経由）。" +
        "保険者は自保険者の交換機 registrations.{保険者番号} に送信してください。");
