namespace MiddleServerValidation.Contracts;

/// <summary>The outcome names used in <see cref="RegistrationNotice.Outcome"/>.</summary>
public static class Outcomes
{
    public const string Accepted = nameof(Accepted);
    public const string Rejected = nameof(Rejected);
    public const string Suspected = nameof(Suspected);
    public const string Pending = nameof(Pending);
}
