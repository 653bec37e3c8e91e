namespace MiddleServerValidation.Persistence.Staff;

/// <summary>A local console account of operations staff (審査・運用担当), created with <c>msv staff add</c>.</summary>
public sealed class StaffAccount
{
    public Guid Id { get; set; }

    /// <summary>Trimmed and lower-case (as the staff-account service normalises it): the sign-in name.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary><c>Reviewer</c> or <c>Supervisor</c>.</summary>
    public required string Role { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash (salted, versioned); never the password.</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}
