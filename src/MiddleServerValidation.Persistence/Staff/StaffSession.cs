namespace MiddleServerValidation.Persistence.Staff;

/// <summary>
/// One signed-in console session. The sign-in cookie carries only a random token; this record says who it is, with
/// which role, how they signed in, until when, and whether it was ended. Only the token's SHA-256 is kept, so the
/// table opens no session to whoever reads it.
/// </summary>
public sealed class StaffSession
{
    public Guid Id { get; set; }

    public required byte[] TokenHash { get; set; }

    /// <summary>The local account's name, or the user name the OpenID Connect provider gave.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The role granted at sign-in: <c>Reviewer</c> or <c>Supervisor</c>.</summary>
    public required string Role { get; set; }

    /// <summary>One of <see cref="StaffSignInMethods"/>.</summary>
    public required string Method { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>One of <see cref="SessionEndReasons"/> once revoked.</summary>
    public string? RevokedReason { get; set; }
}

public static class StaffSignInMethods
{
    /// <summary>A local account's password: the account is checked again on every request.</summary>
    public const string Local = "local";

    /// <summary>The organisation's OpenID Connect provider.</summary>
    public const string External = "oidc";
}

public static class SessionEndReasons
{
    public const string SignOut = nameof(SignOut);
    public const string AccountDisabled = nameof(AccountDisabled);
    public const string RoleChanged = nameof(RoleChanged);

    /// <summary><c>msv staff sign-out</c>.</summary>
    public const string EndedByOperator = nameof(EndedByOperator);
}
