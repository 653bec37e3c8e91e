namespace MiddleServerValidation.Domain;

/// <summary>
/// One reason behind an outcome, as the registering insurer sees it.
/// <paramref name="Field"/> is the contract's camelCase field name; <paramref name="Message"/> is Japanese
/// and never carries a personal number or another insurer's data.
/// </summary>
public sealed record Reason(ReasonCode Code, string? Field, string Message)
{
    /// <summary>A reason with the catalogue's default message.</summary>
    public static Reason Of(ReasonCode code, string? field = null) => new(code, field, ReasonCatalog.MessageOf(code));
}
