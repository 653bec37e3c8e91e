namespace MiddleServerValidation.Staff;

/// <summary>The console's roles. A Supervisor can do everything a Reviewer can, and unmask and read the audit log.</summary>
public static class StaffRoles
{
    public const string Reviewer = nameof(Reviewer);
    public const string Supervisor = nameof(Supervisor);

    public static readonly IReadOnlyList<string> All = [Reviewer, Supervisor];

    /// <summary>The role as stored, from any casing (<c>reviewer</c> → <c>Reviewer</c>); null when unknown.</summary>
    public static string? Parse(string? role) =>
        All.FirstOrDefault(known => string.Equals(known, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string? role) => role switch
    {
        Reviewer => "審査担当",
        Supervisor => "監督者",
        _ => "不明",
    };
}
