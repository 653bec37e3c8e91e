namespace MiddleServerValidation.Persistence.Staff;

/// <summary>One sign-in attempt, kept so that repeated failures can be throttled across restarts and instances.</summary>
public sealed class SignInAttempt
{
    public long Id { get; set; }

    /// <summary>The normalised name as typed, whether or not an account has it.</summary>
    public required string UserName { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>One of <see cref="SignInResults"/>.</summary>
    public required string Result { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }
}

public static class SignInResults
{
    public const string Succeeded = nameof(Succeeded);

    /// <summary>Unknown user, wrong password or disabled account: the user is told the same thing in each case.</summary>
    public const string Failed = nameof(Failed);

    /// <summary>Refused by the throttle without checking the password; counts as a failure.</summary>
    public const string Throttled = nameof(Throttled);
}
