using System.Security.Claims;

namespace MiddleServerValidation.Web.InsurerKeys;

/// <summary>The insurers' API-key authentication: its scheme, the policy the batch API requires, and the claim it sets.</summary>
public static class InsurerApiKeyDefaults
{
    public const string Scheme = "InsurerApiKey";
    public const string Policy = "Insurer";
    public const string InsurerNumberClaim = "insurer_number";

    /// <summary>The authenticated insurer; only call it behind <see cref="Policy"/>.</summary>
    public static string InsurerNumber(this ClaimsPrincipal user) =>
        user.FindFirstValue(InsurerNumberClaim) ?? throw new InvalidOperationException("No authenticated insurer.");
}
