namespace MiddleServerValidation.Contracts;

/// <summary>The outcome names used in <see cref="RegistrationNotice.Outcome"/>; the last two answer operations only.</summary>
public static class Outcomes
{
    public const string Accepted = nameof(Accepted);
    public const string Rejected = nameof(Rejected);
    public const string Suspected = nameof(Suspected);
    public const string Pending = nameof(Pending);

    /// <summary>The answer to a <c>withdraw</c> operation: the record is out of use.</summary>
    public const string Withdrawn = nameof(Withdrawn);

    /// <summary>The answer to an <c>answer</c> operation: the insurer's 理由付き疑いなし is recorded.</summary>
    public const string Answered = nameof(Answered);
}
